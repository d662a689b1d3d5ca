using System.Text.Json;
using AkkaJwks.Tests.Actors;
using AkkaJwks.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AkkaJwks.Tests.Cli;

/// <summary><c>watch</c> shows keys surviving an outage: failures with their reason, then the rotation.</summary>
public class WatchOutageTests
{
    [Fact]
    public async Task WatchJson_OutageThenRotation_ReportsEachFailureAndTheRotationAndNeverLosesTheKeys()
    {
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var n = Interlocked.Increment(ref requests);
            if (n is > 1 and <= 4)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return Task.CompletedTask;
            }

            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(TestDocuments.Jwks(n == 1 ? "before" : "after")).AsTask();
        });
        using var config = TempFile.Write("outage.conf", $$"""
            akka.jwks.fetchers.idp {
              url = "{{server.Url()}}"
              refresh-interval = 100ms
              min-refresh-interval = 100ms
              refresh-jitter = 0
              retry-interval = 100ms
              max-retry-interval = 100ms
              transient-retries = 0
            }
            """);

        var result = await CliProcess.RunUntilAsync(["watch", "--config", config.Path, "--json"],
            line => line.Contains("\"event\":\"keys.changed\"", StringComparison.Ordinal)
                && line.Contains("\"added\":[\"after\"]", StringComparison.Ordinal));

        Assert.True(result.ExitCode == 0, result.ToString());
        var events = result.Lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var failures = events.Where(e => Kind(e) == "fetch.exception").ToList();
        Assert.Equal(3, failures.Count);
        Assert.All(failures, failure =>
        {
            Assert.Equal("http-status", failure.GetProperty("reason").GetString());
            Assert.Contains("500", failure.GetProperty("message").GetString());
        });
        Assert.Equal([1, 2, 3], failures.Select(f => f.GetProperty("failures_in_row").GetInt32()));
        var changes = events.Where(e => Kind(e) == "keys.changed").ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal(["before"], Kids(changes[0], "added"));
        Assert.Equal(["after"], Kids(changes[1], "added"));
        Assert.Equal(["before"], Kids(changes[1], "removed"));
        Assert.All(changes, change => Assert.Equal(1, change.GetProperty("key_count").GetInt32()));
        Assert.True(events.IndexOf(failures[^1]) < events.IndexOf(changes[1]), result.StdOut);
        Assert.All(events.Where(e => Kind(e) == "fetch.stop"),
            stop => Assert.Equal(1, stop.GetProperty("key_count").GetInt32()));
    }

    private static string? Kind(JsonElement e) => e.GetProperty("event").GetString();

    private static IEnumerable<string> Kids(JsonElement e, string member) =>
        e.GetProperty(member).EnumerateArray().Select(kid => kid.GetString()!);
}
