using System.Text.Json;
using AkkaJwks.Configuration;
using AkkaJwks.Keys;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Cli;

/// <summary>
/// <c>inspect --json</c> over every document of the corpus, real and private. The program runs once for all files
/// (one process start instead of seventy); each file is then its own case. What the program prints must be what
/// the parser decides for that file (the parser's own tests pin those decisions), and a few files are pinned here
/// as well, so a program that printed nothing right could not pass.
/// </summary>
public class InspectCorpusTests
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, JsonElement>>> Printed = new(InspectAllAsync);

    public static TheoryData<string> Files()
    {
        // Without the corpus the one case left skips itself, saying why; a theory with no case would fail.
        var files = new TheoryData<string>();
        foreach (var file in Corpus.Directory is null ? ["(corpus missing)"] : RelativePaths())
        {
            files.Add(file);
        }

        return files;
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public async Task InspectJson_CorpusDocument_PrintsWhatTheParserDecides(string relativePath)
    {
        var path = Corpus.RequireFile(relativePath);
        var expected = JwksParser.Parse(
            await File.ReadAllBytesAsync(path), path, DateTimeOffset.UtcNow, DefaultMaxKeys());

        var printed = (await Printed.Value)[path];

        Assert.Equal(expected.IsJwks, printed.GetProperty("valid").GetBoolean());
        Assert.Equal(
            expected.Jwks?.Keys.Select(key => key.Kid).ToArray() ?? [],
            printed.GetProperty("keys").EnumerateArray().Select(key => key.GetProperty("kid").GetString()).ToArray());
        Assert.Equal(
            expected.Jwks?.Keys.Select(key => key.Thumbprint).ToArray() ?? [],
            printed.GetProperty("keys").EnumerateArray().Select(key => key.GetProperty("thumbprint").GetString()));
        Assert.Equal(
            expected.Jwks?.Refused.Select(key => (key.Index, key.Kid, key.Reason)).ToArray() ?? [],
            printed.GetProperty("rejected").EnumerateArray().Select(key => (
                key.GetProperty("index").GetInt32(), key.GetProperty("kid").GetString(),
                key.GetProperty("reason").GetString()!)));
        Assert.Equal(expected.Error?.Message, printed.GetProperty("error").GetString());
    }

    [SkippableTheory]
    [InlineData("real/google-v3-certs.json", "73e25f9789119c7875d58087a78ac23f5ef2eda3")]
    [InlineData("real/entra-common-v2-keys.json", "Mc7l3Iz93g7uwgNeEmmw_WYGPko")]
    [InlineData("real/apple-auth-keys.json", "FftONTxoEg")]
    public async Task InspectJson_ProviderDocument_IsValidWithItsKids(string relativePath, string kid)
    {
        var path = Corpus.RequireFile(relativePath);

        var printed = (await Printed.Value)[path];

        Assert.True(printed.GetProperty("valid").GetBoolean());
        var kids = printed.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString());
        Assert.Contains(kid, kids);
    }

    [SkippableTheory]
    [InlineData("real/google-oauth2-v1-certs-x509-pem-NOT-JWKS.json", "certificate map")]
    [InlineData("real/firebase-securetoken-x509-pem-NOT-JWKS.json", "certificate map")]
    [InlineData("real/google-openid-configuration.json", "jwks_uri")]
    public async Task InspectJson_NotAJwks_IsInvalidWithReason(string relativePath, string reason)
    {
        var path = Corpus.RequireFile(relativePath);

        var printed = (await Printed.Value)[path];

        Assert.False(printed.GetProperty("valid").GetBoolean());
        Assert.Contains(reason, printed.GetProperty("error").GetString());
        Assert.Empty(printed.GetProperty("keys").EnumerateArray());
    }

    [SkippableFact]
    public async Task InspectJson_PrivateKeyDocument_RefusesEveryKeyWithoutPrintingIt()
    {
        var path = Corpus.RequireFile("private/rfc7517-a2-example-private-keys.json");

        var printed = (await Printed.Value)[path];

        Assert.True(printed.GetProperty("valid").GetBoolean());
        Assert.Empty(printed.GetProperty("keys").EnumerateArray());
        Assert.All(printed.GetProperty("rejected").EnumerateArray(),
            key => Assert.Contains("private", key.GetProperty("reason").GetString()));
        Assert.DoesNotContain("\"d\"", printed.GetRawText());
    }

    private static IEnumerable<string> RelativePaths() =>
        Corpus.RelativeFiles("real").Concat(Corpus.RelativeFiles("private"));

    internal static int DefaultMaxKeys() =>
        JwksFetcherOptions.Create("corpus", new Uri("https://corpus.test/")).MaxKeys;

    private static async Task<IReadOnlyDictionary<string, JsonElement>> InspectAllAsync()
    {
        var directory = Corpus.RequireDirectory();
        var paths = RelativePaths().Select(file => Path.Combine(directory, file)).ToList();

        var result = await CliProcess.RunAsync(["inspect", "--json", .. paths]);

        Assert.True(result.ExitCode == 1, $"the corpus holds documents that are not JWKS\n{result}");
        var printed = result.Lines.Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(root => root.GetProperty("source").GetString()!);
        Assert.Equal(paths.Order(), printed.Keys.Order());
        return printed;
    }
}
