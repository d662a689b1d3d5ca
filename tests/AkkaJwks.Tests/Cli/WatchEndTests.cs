using System.Text.Json;
using AkkaJwks.Tests.Actors;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Cli;

/// <summary>
/// A watch stopped early (Ctrl+C just after start, a tiny --duration) ends with its closing lines after every event
/// line, and they agree with the events printed; and a watch shows the keys a fetch refused, and why.
/// </summary>
public class WatchEndTests
{
    private const string Refusing = """{"keys":[KEY,{"kty":"oct","kid":"shared-secret","k":"c2VjcmV0"}]}""";

    [Fact]
    public async Task Watch_InterruptedJustAfterStart_PrintsTheClosingLinesLastAndConsistent()
    {
        await using var server = await LoopbackServer.ServingAsync(Document("early"));
        using var config = Config(server, "first", "second");
        await using var watch = CliProcess.Start(["watch", "--config", config.Path]);
        await watch.WaitForLineAsync(line => line.Contains(" started (initial) ", StringComparison.Ordinal));

        var result = await watch.InterruptAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertEndsWithConsistentSummaries(result, "first", "second");
    }

    [Fact]
    public async Task Watch_TinyDuration_PrintsTheClosingLinesLastAndConsistent()
    {
        await using var server = await LoopbackServer.ServingAsync(Document("tiny"));
        using var config = Config(server, "first", "second");

        var result = await CliProcess.RunAsync(["watch", "--config", config.Path, "--duration", "1ms"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertEndsWithConsistentSummaries(result, "first", "second");
    }

    [Fact]
    public async Task Watch_FetchWithRefusedKey_ShowsItsKidAndReasonButNoMaterial()
    {
        await using var server = await LoopbackServer.ServingAsync(Mixed());
        using var config = Config(server, "mixed");

        var result = await CliProcess.RunUntilAsync(["watch", "--config", config.Path],
            line => line.Contains(" refused ", StringComparison.Ordinal));

        Assert.True(result.ExitCode == 0, result.ToString());
        var refused = Assert.Single(result.Lines, line => line.Contains(" refused ", StringComparison.Ordinal));
        Assert.Contains("mixed refused key #1 (kid shared-secret): ", refused);
        Assert.Contains(result.Lines, line => line.Contains("fetched mixed 1 key(s)", StringComparison.Ordinal));
        Assert.DoesNotContain("c2VjcmV0", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchJson_FetchWithRefusedKey_FillsRejectedOfFetchStop()
    {
        await using var server = await LoopbackServer.ServingAsync(Mixed());
        using var config = Config(server, "mixed");

        var result = await CliProcess.RunUntilAsync(["watch", "--config", config.Path, "--json"],
            line => line.Contains("\"event\":\"fetch.stop\"", StringComparison.Ordinal));

        Assert.True(result.ExitCode == 0, result.ToString());
        var stop = result.Lines.Select(line => JsonDocument.Parse(line).RootElement)
            .First(e => e.GetProperty("event").GetString() == "fetch.stop");
        var rejected = Assert.Single(stop.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejected.GetProperty("index").GetInt32());
        Assert.Equal("shared-secret", rejected.GetProperty("kid").GetString());
        Assert.False(string.IsNullOrWhiteSpace(rejected.GetProperty("reason").GetString()));
        Assert.DoesNotContain("c2VjcmV0", result.StdOut, StringComparison.Ordinal);
    }

    private static string Mixed() => Refusing.Replace("KEY", TestDocuments.KeyJson("ok"));

    private static string Document(string kid) => System.Text.Encoding.UTF8.GetString(TestDocuments.Jwks(kid));

    private static TempFile Config(LoopbackServer server, params string[] names) =>
        TempFile.Write("watch-end.conf", string.Join("\n",
            names.Select(name => $$"""akka.jwks.fetchers.{{name}} { url = "{{server.Url()}}" }""")));

    // The last lines are the closing ones, one per fetcher, and each says what the event lines before it said.
    private static void AssertEndsWithConsistentSummaries(CliResult result, params string[] names)
    {
        var lines = result.Lines;
        var closing = lines.TakeLast(names.Length).ToList();
        Assert.True(closing.All(line => line.StartsWith("watch: ", StringComparison.Ordinal)), result.ToString());
        Assert.True(
            lines.SkipLast(names.Length).All(line => !line.StartsWith("watch: ", StringComparison.Ordinal)),
            result.ToString());

        foreach (var name in names)
        {
            var fetched = lines.Any(line => line.Contains($" fetched {name} 1 key(s)", StringComparison.Ordinal));
            var expected = fetched
                ? $"watch: {name} is ready with 1 key(s), 0 failure(s) in a row"
                : $"watch: {name} is starting with 0 key(s), 0 failure(s) in a row";
            Assert.True(closing.Contains(expected), $"expected '{expected}'\n{result}");
        }
    }
}
