using System.Text;
using System.Text.Json;
using AkkaJwks.Tests.Actors;

namespace AkkaJwks.Tests.Cli;

public class InspectCommandTests
{
    [Fact]
    public async Task Inspect_JwksFile_PrintsTableOfKeysAndExitsZero()
    {
        using var file = TempFile.Write("two-keys.json", TestDocuments.Jwks("key-one", "key-two"));

        var result = await CliProcess.RunAsync(["inspect", file.Path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2 key(s) accepted, 0 refused", result.StdOut);
        Assert.Single(result.Lines, line => line.Contains("key-one") && line.Contains("EC")
            && line.Contains("ES256") && line.Contains("sig") && line.Contains("P-256"));
        Assert.Single(result.Lines, line => line.Contains("key-two"));
        Assert.Contains("thumbprint", result.StdOut);
        Assert.Empty(result.StdErr);
    }

    [Fact]
    public async Task Inspect_JsonFromStandardInput_PrintsOneObjectWithKidsAndThumbprints()
    {
        var document = Encoding.UTF8.GetString(TestDocuments.Jwks("from-stdin"));

        var result = await CliProcess.RunAsync(["inspect", "-", "--json"], stdin: document);

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Assert.Single(result.Lines);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("(stdin)", root.GetProperty("source").GetString());
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        var key = Assert.Single(root.GetProperty("keys").EnumerateArray());
        Assert.Equal("from-stdin", key.GetProperty("kid").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal(256, key.GetProperty("size").GetInt32());
        Assert.Equal(43, key.GetProperty("thumbprint").GetString()!.Length);
        Assert.False(key.TryGetProperty("x", out _));
        Assert.Empty(root.GetProperty("rejected").EnumerateArray());
    }

    [Fact]
    public async Task Inspect_RefusedKey_ListsReasonAndStillExitsZero()
    {
        const string Document = """{"keys":[{"kty":"oct","kid":"shared-secret","k":"c2VjcmV0"}]}""";
        using var file = TempFile.Write("symmetric.json", Document);

        var result = await CliProcess.RunAsync(["inspect", "--json", file.Path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(Assert.Single(result.Lines));
        var refused = Assert.Single(json.RootElement.GetProperty("rejected").EnumerateArray());
        Assert.Equal(0, refused.GetProperty("index").GetInt32());
        Assert.Equal("shared-secret", refused.GetProperty("kid").GetString());
        Assert.False(string.IsNullOrWhiteSpace(refused.GetProperty("reason").GetString()));
        Assert.DoesNotContain("c2VjcmV0", result.StdOut);
    }

    [Fact]
    public async Task Inspect_DocumentThatIsNotJwks_SaysWhyOnStandardErrorAndExitsOne()
    {
        using var good = TempFile.Write("good.json", TestDocuments.Jwks("good-key"));
        using var bad = TempFile.Write("error-page.json", "<html><body>502 Bad Gateway</body></html>");

        var result = await CliProcess.RunAsync(["inspect", good.Path, bad.Path]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("good-key", result.StdOut);
        var error = Assert.Single(result.ErrorLines);
        Assert.Contains(bad.Path, error);
        Assert.Contains("JSON", error);
    }

    [Fact]
    public async Task Inspect_MissingFile_IsUsageErrorNamingTheFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), "akka-jwks-no-such-file.json");

        var result = await CliProcess.RunAsync(["inspect", missing]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(missing, Assert.Single(result.ErrorLines));
        Assert.Empty(result.StdOut);
    }

    [Fact]
    public async Task InspectJson_UnreadableFileAmongOthers_WritesOneObjectPerFileInOrder()
    {
        var missing = Path.Combine(Path.GetTempPath(), "akka-jwks-no-such-file.json");
        using var good = TempFile.Write("good.json", TestDocuments.Jwks("good-key"));

        var result = await CliProcess.RunAsync(["inspect", missing, good.Path, "--json"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(2, result.Lines.Count);
        using var first = JsonDocument.Parse(result.Lines[0]);
        Assert.Equal(missing, first.RootElement.GetProperty("source").GetString());
        Assert.False(first.RootElement.GetProperty("valid").GetBoolean());
        Assert.StartsWith($"cannot read {missing}: ", first.RootElement.GetProperty("error").GetString());
        Assert.Empty(first.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Empty(first.RootElement.GetProperty("rejected").EnumerateArray());
        using var second = JsonDocument.Parse(result.Lines[1]);
        Assert.True(second.RootElement.GetProperty("valid").GetBoolean());
        Assert.StartsWith($"inspect: cannot read {missing}: ", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Inspect_StandardInputTwice_IsUsageErrorWithoutReadingIt()
    {
        var stdin = Encoding.UTF8.GetString(TestDocuments.Jwks("once"));

        var result = await CliProcess.RunAsync(["inspect", "-", "-"], stdin);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(
            ["akka-jwks: '-' (standard input) is given more than once; it can be read only once; run 'akka-jwks "
                + "--help' for usage."],
            result.ErrorLines);
        Assert.Empty(result.StdOut);
    }

    [Fact]
    public async Task Inspect_MoreKeysThanFetchersTake_SaysTheLimitWithoutAdviceToRaiseAnOptionItLacks()
    {
        // One more than the max-keys of reference.conf (500); the count is reached before any key is looked at.
        var keys = string.Join(",", Enumerable.Range(0, 501).Select(i => $$"""{"kty":"EC","kid":"k{{i}}"}"""));
        using var file = TempFile.Write("many.json", $$"""{"keys":[{{keys}}]}""");

        var result = await CliProcess.RunAsync(["inspect", file.Path]);

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = Assert.Single(result.ErrorLines);
        Assert.Contains(
            "holds more keys than the limit of 500 that fetchers apply (max-keys in reference.conf)", error);
        Assert.DoesNotContain("raise", error);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("no-such-command")]
    [InlineData("inspect", "--no-such-option", "file.json")]
    [InlineData("demo", "--duration", "ten seconds")]
    [InlineData("serve", "file.json", "--port", "70000")]
    [InlineData("fetch", "not a url")]
    [InlineData("fetch", "https://issuer.test/jwks", "--header", "no colon")]
    [InlineData("watch")]
    public async Task Program_UsageError_ExitsTwoWithOneSentenceOnStandardError(params string[] args)
    {
        var result = await CliProcess.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith("akka-jwks: ", error);
        Assert.Empty(result.StdOut);
    }
}
