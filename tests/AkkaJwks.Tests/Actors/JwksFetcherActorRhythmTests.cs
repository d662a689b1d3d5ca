using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Http;

namespace AkkaJwks.Tests.Actors;

public class JwksFetcherActorRhythmTests : FetcherTestKit
{
    [Fact]
    public async Task PreStart_NoSnapshot_FetchesAtOnceWithTheOptions()
    {
        StartFetcher();

        var fetch = await Client.NextAsync();

        Assert.Equal(TestDocuments.Url, fetch.Request.Url);
        Assert.Equal(TimeSpan.FromSeconds(10), fetch.Request.Timeout);
        Assert.Null(fetch.Request.IfNoneMatch);
    }

    [Theory]
    [InlineData(0.0, 13.5)]
    [InlineData(0.999999, 16.5)]
    public async Task Success_NextRefresh_AtRefreshIntervalWithinJitterNotBefore(double unit, double minutes)
    {
        var fetcher = StartFetcher(jitter: () => unit);
        await SucceedAsync("a");
        await StateAsync(fetcher);

        await AdvanceAsync(fetcher, TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(1));
        var before = Client.RequestCount;
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(1));

        Assert.Equal(1, before);
        Assert.Equal(2, Client.RequestCount);
    }

    [Fact]
    public async Task Failure_RetriesAfterRetryIntervalThenBacksOffCappedAtMax()
    {
        var fetcher = StartFetcher();
        var waits = new List<double>();

        for (var attempt = 0; attempt < 6; attempt++)
        {
            await FailAsync(FetchFailureKind.ConnectionRefused);
            var state = await StateAsync(fetcher);
            waits.Add((state.NextFetchDue!.Value - Clock.Now).TotalSeconds);
            await AdvanceAsync(fetcher, state.NextFetchDue.Value - Clock.Now);
        }

        Assert.Equal([30, 60, 120, 240, 300, 300], waits);
        Assert.Equal(7, Client.RequestCount);
    }

    [Fact]
    public async Task Failure_RetryWait_NotBeforeRetryInterval()
    {
        var fetcher = StartFetcher(jitter: () => 0.0);
        await FailAsync(FetchFailureKind.Timeout);
        await StateAsync(fetcher);

        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(26.9));
        var before = Client.RequestCount;
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(0.1));

        Assert.Equal(1, before);
        Assert.Equal(2, Client.RequestCount);
    }

    [Theory]
    [InlineData(120, 120)]
    [InlineData(3600, 300)]
    public async Task Failure_RetryAfter_HonouredAndCappedAtMaxRetryInterval(int retryAfter, int expected)
    {
        var fetcher = StartFetcher();

        await FailAsync(FetchFailureKind.HttpStatus, TimeSpan.FromSeconds(retryAfter));
        var state = await StateAsync(fetcher);

        Assert.Equal(TimeSpan.FromSeconds(expected), state.NextFetchDue - Clock.Now);
    }

    [Fact]
    public async Task Success_AfterFailures_ReturnsToRefreshInterval()
    {
        var fetcher = StartFetcher();
        await FailAsync(FetchFailureKind.HttpStatus);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(30));
        await FailAsync(FetchFailureKind.HttpStatus);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(60));

        await SucceedAsync("a");
        var state = await StateAsync(fetcher);

        Assert.Equal(FetcherStatus.Ready, state.Status);
        Assert.Equal(0, state.FailuresInRow);
        Assert.Equal(TimeSpan.FromMinutes(15), state.NextFetchDue - Clock.Now);
    }

    [Fact]
    public async Task Refresh_ReplacesThePendingTimer_NoSecondLoop()
    {
        var fetcher = StartFetcher();
        await SucceedAsync("a");
        await AdvanceAsync(fetcher, TimeSpan.FromMinutes(5));

        var ack = await fetcher.Ask<RefreshAccepted>(new Refresh("idp"), AskTimeout);
        await SucceedAsync("a");
        for (var minute = 0; minute < 120; minute++)
        {
            await AdvanceAsync(fetcher, TimeSpan.FromMinutes(1));
            while (Client.HasPending)
            {
                await SucceedAsync("a");
            }
        }

        Assert.Equal("idp", ack.Name);
        // Fetches at 0 and 5 (manual), then every 15 minutes from 5: 20, 35, ..., 110, 125.
        Assert.Equal(10, Client.RequestCount);
    }

    [Fact]
    public async Task Refresh_WhileAFetchIsInFlight_JoinsIt()
    {
        var fetcher = StartFetcher();
        var fetch = await Client.NextAsync();

        var acks = await Task.WhenAll(
            fetcher.Ask<RefreshAccepted>(new Refresh("idp"), AskTimeout),
            fetcher.Ask<RefreshAccepted>(new Refresh("idp"), AskTimeout));
        await StateAsync(fetcher);

        Assert.Equal(2, acks.Length);
        Assert.Equal(1, Client.RequestCount);
        Assert.False(fetch.Response.IsCompleted);
    }

    [Fact]
    public async Task GetState_DuringAFetchThatNeverCompletes_Answers()
    {
        var fetcher = StartFetcher();
        await Client.NextAsync();

        var state = await StateAsync(fetcher);

        Assert.Equal(FetcherStatus.Starting, state.Status);
        Assert.Null(state.Keys);
        Assert.Null(state.NextFetchDue);
        Assert.Equal("idp", state.Name);
    }

    [Fact]
    public async Task Stop_WithAFetchInFlight_CancelsTheRequest()
    {
        var fetcher = StartFetcher();
        var fetch = await Client.NextAsync();
        var probe = CreateTestProbe();
        probe.Watch(fetcher);

        fetcher.Tell(PoisonPill.Instance);
        await probe.ExpectTerminatedAsync(fetcher);

        Assert.True(fetch.Token.IsCancellationRequested);
    }
}
