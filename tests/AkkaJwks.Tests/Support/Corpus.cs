namespace AkkaJwks.Tests.Support;

/// <summary>
/// Finds <c>../shared/jwks-corpus</c> beside the clone. A user's fresh clone has none, so tests that need it
/// call <see cref="RequireDirectory"/>, which skips them with a message that says why.
/// </summary>
internal static class Corpus
{
    public const string SkipMessage =
        "../shared/jwks-corpus is not beside this clone: the corpus tests need it (CI has it) and are skipped here";

    public static string? Directory { get; } = Find();

    public static string RequireDirectory()
    {
        Skip.If(Directory is null, SkipMessage);
        return Directory!;
    }

    public static string RequireFile(string relativePath)
    {
        var path = Path.Combine(RequireDirectory(), relativePath);
        Assert.True(File.Exists(path), $"corpus file {relativePath} is missing from {Directory}");
        return path;
    }

    /// <summary>The corpus files under <paramref name="folder"/> (<c>real</c> or <c>private</c>), by relative path.</summary>
    public static IEnumerable<string> RelativeFiles(string folder)
    {
        if (Directory is null)
        {
            return [];
        }

        return System.IO.Directory.EnumerateFiles(Path.Combine(Directory, folder), "*.json")
            .Select(path => Path.GetRelativePath(Directory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AkkaJwks.sln")))
            {
                // Only beside the clone, as CI lays it out; a corpus further up belongs to someone else.
                var corpus = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared", "jwks-corpus");
                return System.IO.Directory.Exists(corpus) ? corpus : null;
            }
        }

        return null;
    }
}
