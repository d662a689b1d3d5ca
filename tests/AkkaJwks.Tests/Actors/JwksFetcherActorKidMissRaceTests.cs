using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Keys;
using AkkaJwks.Telemetry;

namespace AkkaJwks.Tests.Actors;

/// <summary>
/// A miss that joins a fetch which started before it arrived: that fetch cannot prove the kid absent (the provider
/// may have rotated after it left), so the miss gets one follow-up refresh that started after it.
/// </summary>
public class JwksFetcherActorKidMissRaceTests : FetcherTestKit
{
    [Fact]
    public async Task GetKey_MissJoinsAScheduledRefreshThatStartedEarlier_FollowUpRefreshFindsTheRotatedKid()
    {
        var fetcher = await StartReadyAsync("a");
        await AdvanceAsync(fetcher, TimeSpan.FromMinutes(15));
        var scheduled = await Client.NextAsync();
        var started = CreateTestProbe();
        Sys.EventStream.Subscribe(started.Ref, typeof(JwksFetchStarted));

        var miss = fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout);
        await StateAsync(fetcher);
        scheduled.RespondKeys("a");
        await TookAnswerAsync();
        var followUp = await Client.NextAsync();
        followUp.RespondKeys("a", "rotated");

        Assert.Equal("rotated", (await miss).Kid);
        Assert.Equal(FetchTriggers.KidMiss, (await started.ExpectMsgAsync<JwksFetchStarted>()).Trigger);
        Assert.Equal(3, Client.RequestCount);
    }

    [Fact]
    public async Task GetKey_MissJoinsAnOlderFetchAndTheFollowUpLacksIt_RememberedAsAbsent()
    {
        var fetcher = await StartReadyAsync("a");
        await fetcher.Ask<RefreshAccepted>(new Refresh("idp"), AskTimeout);
        var manual = await Client.NextAsync();
        var miss = fetcher.Ask<Jwk>(new GetKey("idp", "forged"), AskTimeout);
        await StateAsync(fetcher);

        manual.RespondKeys("a");
        await TookAnswerAsync();
        await SucceedAsync("a");
        var absent = await Assert.ThrowsAsync<JwkNotFoundException>(() => miss);
        var remembered = await Assert.ThrowsAsync<JwkNotFoundException>(
            () => fetcher.Ask<Jwk>(new GetKey("idp", "forged"), AskTimeout));

        Assert.Contains("still absent after a refresh", absent.Message);
        Assert.Contains("remembered as absent until", remembered.Message);
        Assert.Equal(3, Client.RequestCount);
    }

    [Fact]
    public async Task GetKey_MissJoinsAnOlderKidMissRefresh_CooldownOutlastingTheWaitRefusesTheFollowUp()
    {
        var fetcher = await StartReadyAsync("a");
        var first = fetcher.Ask<Jwk>(new GetKey("idp", "x"), AskTimeout);
        var kidMiss = await Client.NextAsync();
        var late = fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout);
        await StateAsync(fetcher);

        kidMiss.RespondKeys("a");
        await TookAnswerAsync();
        var refused = await Assert.ThrowsAsync<JwkNotFoundException>(() => late);
        await Assert.ThrowsAsync<JwkNotFoundException>(() => first);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(30));
        var again = fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout);
        await SucceedAsync("a", "rotated");

        Assert.Contains("cool-down is active until", refused.Message);
        Assert.Equal("rotated", (await again).Kid);
        Assert.Equal(3, Client.RequestCount);
    }

    [Fact]
    public async Task GetKey_MissJoinsAnOlderKidMissRefreshNearTheCooldownsEnd_FollowUpDeferredToIt()
    {
        var fetcher = await StartReadyAsync("a");
        var first = fetcher.Ask<Jwk>(new GetKey("idp", "x"), AskTimeout);
        var kidMiss = await NextRequestAsync(fetcher);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(27));
        await Assert.ThrowsAsync<JwkNotFoundException>(() => first);
        var late = fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(1));

        kidMiss.RespondKeys("a");
        await TookAnswerAsync();
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(1.9));
        var requestsBefore = Client.RequestCount;
        var early = late.IsCompleted;
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(0.1));
        await SucceedAsync("a", "rotated");

        Assert.Equal(2, requestsBefore);
        Assert.False(early);
        Assert.Equal("rotated", (await late).Kid);
        Assert.Equal(3, Client.RequestCount);
    }
}
