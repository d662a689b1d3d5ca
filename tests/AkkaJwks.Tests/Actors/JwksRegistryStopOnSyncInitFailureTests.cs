using Akka.Actor;
using Akka.Configuration;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Http;
using AkkaJwks.Keys;

namespace AkkaJwks.Tests.Actors;

/// <summary>
/// A sync-init fetcher with stop-on-sync-init-failure answers the failed start and stops; the registry hears of the
/// stop only later (through the back-off supervisor). A caller that starts the name again as soon as it has the
/// failure must get a new fetcher, not a <see cref="DuplicateFetcherException"/> for the one that is going away.
/// </summary>
public sealed class JwksRegistryStopOnSyncInitFailureTests : FetcherTestKit
{
    [Fact]
    public async Task StartAgain_RightAfterTheFailedSyncInitStart_StartsANewFetcher()
    {
        var registry = Sys.ActorOf(JwksRegistryActor.Props(
            JwksSettings.Create(Config.Empty), Snapshots, _ => Client));
        var options = TestOptions() with { SyncInit = true, StopOnSyncInitFailure = true };

        var first = registry.Ask<FetcherStarted>(new StartFetcher(options), AskTimeout);
        (await Client.NextAsync()).Fail(FetchFailureKind.HttpStatus);
        await Assert.ThrowsAsync<KeysNotReadyException>(() => first);
        var again = registry.Ask<object>(new StartFetcher(options with { SyncInit = false }), AskTimeout);
        var answer = await again;

        Assert.IsType<FetcherStarted>(answer);
        (await Client.NextAsync()).RespondKeys("a");
        Assert.Equal("a", Assert.Single((await registry.Ask<Jwks>(new GetKeys("idp"), AskTimeout)).Keys).Kid);
    }
}
