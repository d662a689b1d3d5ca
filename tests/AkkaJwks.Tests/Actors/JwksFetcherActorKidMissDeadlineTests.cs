using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Keys;

namespace AkkaJwks.Tests.Actors;

/// <summary>
/// Every waiting miss has its own kid-miss-wait (5s here), counted from its own arrival, not from the first miss
/// waiting for the same refresh.
/// </summary>
public class JwksFetcherActorKidMissDeadlineTests : FetcherTestKit
{
    [Fact]
    public async Task GetKey_LaterMissJoinsTheRefresh_WaitsItsOwnKidMissWait()
    {
        var fetcher = await StartReadyAsync("a");
        var first = fetcher.Ask<Jwk>(new GetKey("idp", "r1"), AskTimeout);
        await NextRequestAsync(fetcher);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(3));
        var later = fetcher.Ask<Jwk>(new GetKey("idp", "r2"), AskTimeout);
        await StateAsync(fetcher);

        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(2));
        var laterAtFirstsEnd = later.IsCompleted;
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(2.9));
        var laterJustBeforeItsEnd = later.IsCompleted;
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(0.1));

        Assert.Contains("did not complete within kid-miss-wait",
            (await Assert.ThrowsAsync<JwkNotFoundException>(() => first)).Message);
        Assert.False(laterAtFirstsEnd);
        Assert.False(laterJustBeforeItsEnd);
        Assert.Contains("did not complete within kid-miss-wait",
            (await Assert.ThrowsAsync<JwkNotFoundException>(() => later)).Message);
        Assert.Equal(2, Client.RequestCount);
    }

    [Fact]
    public async Task GetKey_RefreshEndsAfterTheFirstMissGaveUp_LaterMissGetsTheKey()
    {
        var fetcher = await StartReadyAsync("a");
        var first = fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout);
        var refresh = await NextRequestAsync(fetcher);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(3));
        var later = fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout);
        await StateAsync(fetcher);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(2));

        refresh.RespondKeys("a", "rotated");
        await TookAnswerAsync();

        await Assert.ThrowsAsync<JwkNotFoundException>(() => first);
        Assert.Equal("rotated", (await later).Kid);
        Assert.Equal(2, Client.RequestCount);
    }

    [Fact]
    public async Task GetKey_FollowUpWhoseWaitOutlastsTheCooldown_DeferredEvenWhenTheFirstMissesWaitDoesNot()
    {
        // The cool-down (5.5s) ends after the first miss's wait (t0 + 5s) but before the later one's (t1 + 5s).
        var fetcher = StartFetcher(TestOptions() with { KidMissCooldown = TimeSpan.FromSeconds(5.5) });
        await SucceedAsync("a");
        var first = fetcher.Ask<Jwk>(new GetKey("idp", "x"), AskTimeout);
        var kidMiss = await NextRequestAsync(fetcher);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(1));
        var later = fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout);
        await StateAsync(fetcher);
        kidMiss.RespondKeys("a");
        await TookAnswerAsync();

        var waitsForTheDeferral = !later.IsCompleted;
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(4.5));
        await SucceedAsync("a", "rotated");

        await Assert.ThrowsAsync<JwkNotFoundException>(() => first);
        Assert.True(waitsForTheDeferral);
        Assert.Equal("rotated", (await later).Kid);
        Assert.Equal(3, Client.RequestCount);
    }
}
