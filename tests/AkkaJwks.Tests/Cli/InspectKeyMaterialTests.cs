using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Cli;

/// <summary>
/// <c>akka-jwks inspect</c> on documents full of private keys prints kids and thumbprints, never key material.
/// </summary>
public class InspectKeyMaterialTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Inspect_PrivateWeakAndMismatchedKeys_PrintsNoMemberValue(bool json)
    {
        var secrets = new SecretDocuments();
        using var everything = TempFile.Write("everything.json", secrets.Everything);
        using var onlyPrivate = TempFile.Write("only-private.json", secrets.OnlyPrivate);
        using var single = TempFile.Write("single-jwk.json", secrets.RsaPrivateKey);
        using var html = TempFile.Write("page.html", secrets.HtmlPage());
        string[] files = [everything.Path, onlyPrivate.Path, single.Path, html.Path];

        var result = await CliProcess.RunAsync(["inspect", .. files, .. json ? new[] { "--json" } : []]);

        Assert.True(result.ExitCode == 1, result.ToString());
        secrets.AssertNoneIn([result.StdOut, result.StdErr]);
        foreach (var kid in new[] { "good", "rsa-private", "ec-private", "okp-private", "oct-secret", "x5c-mismatch" })
        {
            Assert.Contains(kid, result.StdOut);
        }
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Inspect_CorpusPrivateDocuments_PrintsNoMemberValue(bool json)
    {
        var files = Corpus.RelativeFiles("private").Select(Corpus.RequireFile).ToList();
        Skip.If(files.Count == 0, Corpus.SkipMessage);
        var secrets = new SecretDocuments();
        files.ForEach(file => secrets.Remember(File.ReadAllText(file)));

        var result = await CliProcess.RunAsync(["inspect", .. files, .. json ? new[] { "--json" } : []]);

        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        secrets.AssertNoneIn([result.StdOut, result.StdErr]);
        Assert.Contains("2011-04-29", result.StdOut);
    }
}
