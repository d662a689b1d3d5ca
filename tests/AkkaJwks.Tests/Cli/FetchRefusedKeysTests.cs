using System.Text.Json;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Cli;

/// <summary>A fetch that fails because every key was refused says why each was: kid and reason, no material.</summary>
public class FetchRefusedKeysTests
{
    private const string Document = """
        {"keys":[{"kty":"oct","kid":"shared-secret","k":"c2VjcmV0"},{"kty":"RSA","e":"AQAB"}]}
        """;

    [Fact]
    public async Task Fetch_EveryKeyRefused_ListsEachRefusalOnStandardError()
    {
        await using var server = await LoopbackServer.ServingAsync(Document);

        var result = await CliProcess.RunAsync(["fetch", server.Url().ToString()]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(3, result.ErrorLines.Count);
        Assert.StartsWith($"fetch: {server.Url()} failed (no-usable-keys): ", result.ErrorLines[0]);
        Assert.StartsWith("fetch: refused key #0 (kid shared-secret): ", result.ErrorLines[1]);
        Assert.StartsWith("fetch: refused key #1 (no kid): ", result.ErrorLines[2]);
        Assert.DoesNotContain("c2VjcmV0", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchJson_EveryKeyRefused_FillsRejected()
    {
        await using var server = await LoopbackServer.ServingAsync(Document);

        var result = await CliProcess.RunAsync(["fetch", server.Url().ToString(), "--json"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(Assert.Single(result.Lines));
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Empty(json.RootElement.GetProperty("keys").EnumerateArray());
        var rejected = json.RootElement.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(2, rejected.Count);
        Assert.Equal("shared-secret", rejected[0].GetProperty("kid").GetString());
        Assert.Equal(JsonValueKind.Null, rejected[1].GetProperty("kid").ValueKind);
        Assert.All(rejected, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("reason").GetString())));
        Assert.DoesNotContain("c2VjcmV0", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }
}
