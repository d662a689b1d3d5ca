using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Http;
using AkkaJwks.Keys;

namespace AkkaJwks.Tests.Actors;

public class JwksFetcherActorKidMissTests : FetcherTestKit
{
    [Fact]
    public async Task GetKey_KnownKid_AnsweredWithoutAFetch()
    {
        var fetcher = await StartReadyAsync("a");

        var key = await fetcher.Ask<Jwk>(new GetKey("idp", "a", "ES256"), AskTimeout);

        Assert.Equal("a", key.Kid);
        Assert.Equal(1, Client.RequestCount);
    }

    [Fact]
    public async Task GetKey_ThousandsOfConcurrentMisses_OneRefreshAnswersThemAll()
    {
        const int misses = 10_000;
        var fetcher = await StartReadyAsync("a");
        var probe = CreateTestProbe();

        for (var i = 0; i < misses; i++)
        {
            fetcher.Tell(new GetKey("idp", "rotated"), probe.Ref);
        }

        await SucceedAsync("a", "rotated");
        var answers = await probe.ReceiveNAsync(misses, AskTimeout).ToListAsync();

        Assert.Equal(2, Client.RequestCount);
        Assert.All(answers, answer => Assert.Equal("rotated", Assert.IsType<Jwk>(answer).Kid));
    }

    [Fact]
    public async Task GetKey_KnownKidWhileAMissWaits_AnsweredAtOnce()
    {
        var fetcher = await StartReadyAsync("a");
        var miss = fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout);
        await NextRequestAsync(fetcher);

        var known = await fetcher.Ask<Jwk>(new GetKey("idp", "a"), AskTimeout);

        Assert.Equal("a", known.Kid);
        Assert.False(miss.IsCompleted);
    }

    [Fact]
    public async Task GetKey_MissWithinTheCooldownEndingAsKidMissWaitDoes_NoSecondRefresh()
    {
        var fetcher = await StartReadyAsync("a");
        var first = fetcher.Ask<Jwk>(new GetKey("idp", "x"), AskTimeout);
        await SucceedAsync("a");
        await Assert.ThrowsAsync<JwkNotFoundException>(() => first);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(25));

        var second = await Assert.ThrowsAsync<JwkNotFoundException>(
            () => fetcher.Ask<Jwk>(new GetKey("idp", "y"), AskTimeout));
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(5));
        var third = fetcher.Ask<Jwk>(new GetKey("idp", "z"), AskTimeout);
        await SucceedAsync("a", "z");

        Assert.Contains("cool-down is active until", second.Message);
        Assert.Equal("y", second.Kid);
        Assert.Equal("z", (await third).Kid);
        Assert.Equal(3, Client.RequestCount);
    }

    [Fact]
    public async Task GetKey_KidAbsentAfterARefresh_RememberedAndSpendsNoRefresh()
    {
        var fetcher = await StartReadyAsync("a");
        var first = fetcher.Ask<Jwk>(new GetKey("idp", "forged"), AskTimeout);
        await SucceedAsync("a");
        var absent = await Assert.ThrowsAsync<JwkNotFoundException>(() => first);
        await AdvanceAsync(fetcher, TimeSpan.FromMinutes(1));

        var remembered = await Assert.ThrowsAsync<JwkNotFoundException>(
            () => fetcher.Ask<Jwk>(new GetKey("idp", "forged"), AskTimeout));
        var other = fetcher.Ask<Jwk>(new GetKey("idp", "real"), AskTimeout);
        await SucceedAsync("a", "real");

        Assert.Contains("still absent after a refresh", absent.Message);
        Assert.Contains("remembered as absent until", remembered.Message);
        Assert.Equal("real", (await other).Kid);
        Assert.Equal(3, Client.RequestCount);
    }

    [Fact]
    public async Task GetKey_RememberedKid_ForgottenAfterTheTtl()
    {
        var fetcher = await StartReadyAsync("a");
        var first = fetcher.Ask<Jwk>(new GetKey("idp", "late"), AskTimeout);
        await SucceedAsync("a");
        await Assert.ThrowsAsync<JwkNotFoundException>(() => first);
        await AdvanceAsync(fetcher, TimeSpan.FromMinutes(5));

        var again = fetcher.Ask<Jwk>(new GetKey("idp", "late"), AskTimeout);
        await SucceedAsync("a", "late");

        Assert.Equal("late", (await again).Kid);
    }

    [Fact]
    public async Task GetKey_RefreshNeverCompletes_AnsweredAfterKidMissWait()
    {
        var fetcher = await StartReadyAsync("a");
        var miss = fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout);
        await NextRequestAsync(fetcher);

        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(4.9));
        var early = miss.IsCompleted;
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(0.1));
        var error = await Assert.ThrowsAsync<JwkNotFoundException>(() => miss);

        Assert.False(early);
        Assert.Contains("did not complete within kid-miss-wait", error.Message);
    }

    [Fact]
    public async Task GetKey_RefreshFails_SaysSoAndRemembersNothing()
    {
        var fetcher = await StartReadyAsync("a");
        var miss = fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout);

        await FailAsync(FetchFailureKind.ConnectionReset);
        var error = await Assert.ThrowsAsync<JwkNotFoundException>(() => miss);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(30));
        var retry = fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout);
        await SucceedAsync("a", "rotated");

        Assert.Contains("failed with ConnectionReset", error.Message);
        Assert.Equal("rotated", (await retry).Kid);
    }

    [Fact]
    public async Task GetKey_KnownKidWrongAlg_RefusedWithoutARefresh()
    {
        var fetcher = await StartReadyAsync("a");

        var error = await Assert.ThrowsAsync<JwkNotFoundException>(
            () => fetcher.Ask<Jwk>(new GetKey("idp", "a", "RS256"), AskTimeout));

        Assert.Contains("no refresh was tried", error.Message);
        Assert.Equal(1, Client.RequestCount);
    }

    [Fact]
    public async Task GetKey_BeforeTheFirstFetch_JoinsIt()
    {
        var fetcher = StartFetcher();
        var miss = fetcher.Ask<Jwk>(new GetKey("idp", "a"), AskTimeout);

        await SucceedAsync("a");

        Assert.Equal("a", (await miss).Kid);
        Assert.Equal(1, Client.RequestCount);
    }

    [Fact]
    public async Task GetKey_WhileTheEndpointFails_NoRefreshBeforeTheBackoffEnds()
    {
        var fetcher = await StartReadyAsync("a");
        await fetcher.Ask<RefreshAccepted>(new Refresh("idp"), AskTimeout);
        await FailAsync(FetchFailureKind.HttpStatus, TimeSpan.FromMinutes(2));

        var refused = await Assert.ThrowsAsync<JwkNotFoundException>(
            () => fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout));
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(116));
        var waiting = fetcher.Ask<Jwk>(new GetKey("idp", "rotated"), AskTimeout);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(4));
        await SucceedAsync("a", "rotated");

        Assert.Contains("the endpoint is failing (HttpStatus, 1 in a row)", refused.Message);
        Assert.Equal("rotated", (await waiting).Kid);
        Assert.Equal(3, Client.RequestCount);
    }
}
