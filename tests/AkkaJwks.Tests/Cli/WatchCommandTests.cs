using System.Text.Json;
using AkkaJwks.Tests.Actors;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Cli;

public class WatchCommandTests
{
    private const string KeysChanged = "\"event\":\"keys.changed\"";

    [Fact]
    public async Task WatchJson_FetcherOfConfigFile_PrintsItsEventsOnePerLine()
    {
        var document = System.Text.Encoding.UTF8.GetString(TestDocuments.Jwks("watched-1", "watched-2"));
        await using var server = await LoopbackServer.ServingAsync(document);
        using var config = TempFile.Write("watch.conf", $$"""
            akka.jwks.fetchers.loopback { url = "{{server.Url()}}" }
            """);

        var result = await CliProcess.RunUntilAsync(["watch", "--config", config.Path, "--json"],
            line => line.Contains(KeysChanged, StringComparison.Ordinal));

        Assert.True(result.ExitCode == 0, result.ToString());
        var events = result.Lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(events, e =>
        {
            Assert.Equal("loopback", e.GetProperty("name").GetString());
            Assert.Equal(server.Url().ToString(), e.GetProperty("url").GetString());
            Assert.True(e.GetProperty("time").TryGetDateTimeOffset(out _));
        });
        Assert.Equal("fetch.start", events[0].GetProperty("event").GetString());
        var stop = Assert.Single(events, e => e.GetProperty("event").GetString() == "fetch.stop");
        Assert.Equal(2, stop.GetProperty("key_count").GetInt32());
        Assert.True(stop.GetProperty("duration_ms").GetDouble() >= 0);
        var changed = Assert.Single(events, e => e.GetProperty("event").GetString() == "keys.changed");
        Assert.Equal(["watched-1", "watched-2"],
            changed.GetProperty("added").EnumerateArray().Select(kid => kid.GetString()!).Order());
        Assert.Empty(changed.GetProperty("removed").EnumerateArray());
    }

    [Fact]
    public async Task Watch_Duration_EndsTheWatchWithTheFetchersStateAndExitsZero()
    {
        var document = System.Text.Encoding.UTF8.GetString(TestDocuments.Jwks("timed"));
        await using var server = await LoopbackServer.ServingAsync(document);
        using var config = TempFile.Write("timed.conf", $$"""
            akka.jwks.fetchers.timed { url = "{{server.Url()}}" }
            """);

        var result = await CliProcess.RunAsync(["watch", "--config", config.Path, "--duration", "1s"]);

        // How far the fetcher got in that second depends on the machine (its events may come before the first line
        // or after the state); that the watch ended, and said so, does not.
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(result.Lines, line => line.StartsWith("watching timed (", StringComparison.Ordinal));
        Assert.Single(result.Lines, line => line.StartsWith("watch: timed is ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watch_InvalidConfig_ListsEveryProblemAndExitsTwo()
    {
        using var config = TempFile.Write("bad.conf", """
            akka.jwks.fetchers.broken { refresh-interval = -5s, colour = blue }
            """);

        var result = await CliProcess.RunAsync(["watch", "--config", config.Path, "--duration", "1s"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("akka.jwks.fetchers.broken.url", result.StdErr);
        Assert.Contains("akka.jwks.fetchers.broken.refresh-interval", result.StdErr);
        Assert.Contains("akka.jwks.fetchers.broken.colour", result.StdErr);
        Assert.Empty(result.StdOut);
    }
}
