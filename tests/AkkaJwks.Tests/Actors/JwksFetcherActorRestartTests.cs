using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Http;
using AkkaJwks.Keys;

namespace AkkaJwks.Tests.Actors;

public class JwksFetcherActorRestartTests : FetcherTestKit
{
    [Fact]
    public async Task Crash_AfterASuccess_RestartsReadyFromTheLastSnapshot()
    {
        var crash = false;
        var fetcher = StartFetcher(jitter: () => crash ? throw new InvalidOperationException("test crash") : 0.5);
        await SucceedAsync("a");
        await AdvanceAsync(fetcher, TimeSpan.FromMinutes(10));
        await fetcher.Ask<RefreshAccepted>(new Refresh("idp"), AskTimeout);
        crash = true;

        // The failure's backoff draws jitter, so the actor throws while taking the outcome and is restarted.
        var fetch = await Client.NextAsync();
        await EventFilter.Exception<InvalidOperationException>().ExpectOneAsync(
            () =>
            {
                fetch.Fail(FetchFailureKind.ConnectionReset);
                return Task.CompletedTask;
            });
        crash = false;
        var state = await StateAsync(fetcher);
        var keys = await fetcher.Ask<Jwks>(new GetKeys("idp"), AskTimeout);

        Assert.Equal(FetcherStatus.Ready, state.Status);
        Assert.Equal(0, state.FailuresInRow);
        Assert.Equal("a", Assert.Single(keys.Keys).Kid);
        Assert.True(Snapshots.TryGet("idp", out var published) && published.TryGetKey("a", out _));
        Assert.Equal(TimeSpan.FromMinutes(5), state.NextFetchDue - Clock.Now);
        Assert.Equal(2, Client.RequestCount);
    }

    [Fact]
    public async Task PreStart_WithAPublishedSnapshot_ServesItAtOnceAndFetchesWhenDue()
    {
        var first = await StartReadyAsync("a");
        var watcher = CreateTestProbe();
        watcher.Watch(first);
        Sys.Stop(first);
        await watcher.ExpectTerminatedAsync(first);
        Clock.Advance(TimeSpan.FromMinutes(10));

        var second = StartFetcher();
        var keys = await second.Ask<Jwks>(new GetKeys("idp"), AskTimeout);
        var state = await StateAsync(second);
        var before = Client.RequestCount;
        await AdvanceAsync(second, TimeSpan.FromMinutes(5));

        Assert.True(keys.TryGetKey("a", out _));
        Assert.Equal(FetcherStatus.Ready, state.Status);
        Assert.Equal(1, before);
        Assert.Equal(2, Client.RequestCount);
    }

    [Fact]
    public async Task RestartStorm_WhileLookupsRun_NoLookupFails()
    {
        var crash = false;
        var fetcher = StartFetcher(jitter: () => crash ? throw new InvalidOperationException("test crash") : 0.5);
        await SucceedAsync("a");
        crash = true;
        using var done = new CancellationTokenSource();
        var failures = 0;
        var lookups = 0;
        var reading = new TaskCompletionSource();
        var reader = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var key = await fetcher.Ask<Jwk>(new GetKey("idp", "a"), AskTimeout);
                var served = Snapshots.TryGet("idp", out var snapshot) && snapshot.TryGetKey("a", out _);
                failures += key.Kid == "a" && served ? 0 : 1;
                lookups++;
                reading.TrySetResult();
            }
        });
        await reading.Task;

        for (var restart = 0; restart < 20; restart++)
        {
            await fetcher.Ask<RefreshAccepted>(new Refresh("idp"), AskTimeout);
            var fetch = await Client.NextAsync();
            await EventFilter.Exception<InvalidOperationException>().ExpectOneAsync(() =>
            {
                fetch.Fail(FetchFailureKind.ConnectionReset);
                return Task.CompletedTask;
            });
        }

        await StateAsync(fetcher);
        await done.CancelAsync();
        await reader;

        Assert.Equal(0, failures);
        Assert.True(lookups > 0);
        Assert.Equal(21, Client.RequestCount);
    }
}
