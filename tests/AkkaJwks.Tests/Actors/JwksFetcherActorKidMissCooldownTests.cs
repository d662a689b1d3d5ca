using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Keys;
using AkkaJwks.Telemetry;

namespace AkkaJwks.Tests.Actors;

/// <summary>
/// A miss inside the kid-miss cool-down (30s here) whose end comes before the miss's kid-miss-wait (5s) runs out
/// waits for one kid-miss refresh deferred to the cool-down's end.
/// </summary>
public class JwksFetcherActorKidMissCooldownTests : FetcherTestKit
{
    [Fact]
    public async Task GetKey_CooldownEndsWithinKidMissWait_WaitsForOneRefreshAtTheCooldownsEnd()
    {
        var fetcher = await SpendTheCooldownAsync();
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(27));
        var started = CreateTestProbe();
        Sys.EventStream.Subscribe(started.Ref, typeof(JwksFetchStarted));

        var miss = fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(2.9));
        var requestsBefore = Client.RequestCount;
        var early = miss.IsCompleted;
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(0.1));
        await SucceedAsync("a", "rotated");

        Assert.Equal(2, requestsBefore);
        Assert.False(early);
        Assert.Equal("rotated", (await miss).Kid);
        Assert.Equal(FetchTriggers.KidMiss, (await started.ExpectMsgAsync<JwksFetchStarted>()).Trigger);
        Assert.Equal(3, Client.RequestCount);
    }

    [Fact]
    public async Task GetKey_ManyMissesInsideTheCooldown_ShareOneDeferredRefresh()
    {
        const int misses = 1_000;
        var fetcher = await SpendTheCooldownAsync();
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(26));
        var probe = CreateTestProbe();

        for (var i = 0; i < misses / 2; i++)
        {
            fetcher.Tell(new GetKey("idp", "rotated"), probe.Ref);
        }

        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(2));
        for (var i = 0; i < misses / 2; i++)
        {
            fetcher.Tell(new GetKey("idp", "rotated"), probe.Ref);
        }

        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(2));
        await SucceedAsync("a", "rotated");
        var answers = await probe.ReceiveNAsync(misses, AskTimeout).ToListAsync();
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(5));

        Assert.All(answers, answer => Assert.Equal("rotated", Assert.IsType<Jwk>(answer).Kid));
        Assert.Equal(3, Client.RequestCount);
        Assert.False(Client.HasPending);
    }

    [Fact]
    public async Task GetKey_CooldownEndsAfterKidMissWait_FailsAtOnceSayingUntilWhen()
    {
        var fetcher = await SpendTheCooldownAsync();
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(20));

        var error = await Assert.ThrowsAsync<JwkNotFoundException>(
            () => fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout));
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(10));

        Assert.Contains("cool-down is active until", error.Message);
        Assert.Contains("kid-miss-wait 5s", error.Message);
        Assert.Equal(2, Client.RequestCount);
        Assert.False(Client.HasPending);
    }

    [Fact]
    public async Task GetKey_DeferredRefreshLacksTheKid_RememberedAsAbsent()
    {
        var fetcher = await SpendTheCooldownAsync();
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(27));

        var miss = fetcher.Ask<Jwk>(new GetKey("idp", "forged"), AskTimeout);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(3));
        await SucceedAsync("a");
        var absent = await Assert.ThrowsAsync<JwkNotFoundException>(() => miss);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(30));
        var remembered = await Assert.ThrowsAsync<JwkNotFoundException>(
            () => fetcher.Ask<Jwk>(new GetKey("idp", "forged"), AskTimeout));

        Assert.Contains("still absent after a refresh", absent.Message);
        Assert.Contains("remembered as absent until", remembered.Message);
        Assert.Equal(3, Client.RequestCount);
    }

    [Fact]
    public async Task GetKey_RememberedKidInsideTheCooldown_FailsAtOnceWithoutADeferral()
    {
        var fetcher = await SpendTheCooldownAsync("forged");
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(27));

        var error = await Assert.ThrowsAsync<JwkNotFoundException>(
            () => fetcher.Ask<Jwk>(new GetKey("idp", "forged"), AskTimeout));
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(10));

        Assert.Contains("remembered as absent until", error.Message);
        Assert.Equal(2, Client.RequestCount);
    }

    [Fact]
    public async Task GetKey_FetchStartsBeforeTheDeferredTime_MissRidesItAndNoDeferredRequestFollows()
    {
        var fetcher = await SpendTheCooldownAsync();
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(27));
        var miss = fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(1));

        await fetcher.Ask<RefreshAccepted>(new Refresh("idp"), AskTimeout);
        var manual = await NextRequestAsync(fetcher);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(3));
        var requestsWhileRiding = Client.RequestCount;
        manual.RespondKeys("a", "rotated");
        await TookAnswerAsync();
        var key = await miss;
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(10));

        Assert.Equal(3, requestsWhileRiding);
        Assert.Equal("rotated", key.Kid);
        Assert.Equal(3, Client.RequestCount);
        Assert.False(Client.HasPending);
    }

    /// <summary>
    /// A ready fetcher whose kid-miss refresh for <paramref name="kid"/> found it absent at the current time: the
    /// cool-down runs for 30s from now, and that kid is remembered as absent.
    /// </summary>
    private async Task<IActorRef> SpendTheCooldownAsync(string kid = "x")
    {
        var fetcher = await StartReadyAsync("a");
        var miss = fetcher.Ask<Jwk>(new GetKey("idp", kid), AskTimeout);
        await SucceedAsync("a");
        await Assert.ThrowsAsync<JwkNotFoundException>(() => miss);
        return fetcher;
    }
}
