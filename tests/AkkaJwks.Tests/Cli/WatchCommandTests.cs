using System.Text.Json;
using AkkaJwks.Tests.Actors;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Cli;

public class WatchCommandTests
{
    [Fact]
    public async Task WatchJson_FetcherOfConfigFile_PrintsItsEventsOnePerLine()
    {
        var document = System.Text.Encoding.UTF8.GetString(TestDocuments.Jwks("watched-1", "watched-2"));
        await using var server = await LoopbackServer.ServingAsync(document);
        using var config = TempFile.Write("watch.conf", $$"""
            akka.jwks.fetchers.loopback { url = "{{server.Url()}}" }
            """);

        await using var watch = CliProcess.Start(["watch", "--config", config.Path, "--json"]);
        // Stopped once the keys are in, however long the first fetch takes on a loaded machine.
        await watch.WaitForLineAsync(line => line.Contains("keys.changed", StringComparison.Ordinal));

        var result = await watch.InterruptAsync();

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
