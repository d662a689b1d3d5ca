using Akka.Actor;
using Akka.Configuration;
using AkkaJwks.Actors;
using AkkaJwks.Http;

namespace AkkaJwks.Tests.Actors;

public sealed class JwksRegistrySyncInitTests : JwksRegistryTestKit
{
    [Fact]
    public void StartFetcher_SyncInitFirstFetchSucceeds_AnswersAfterIt()
    {
        var registry = Registry();

        registry.Tell(new StartFetcher(Options("google") with { SyncInit = true }));

        Assert.Equal("google", ExpectMsg<FetcherStarted>().Name);
    }

    [Fact]
    public void StartFetcher_SyncInitFirstFetchFails_AnswersTheReasonAndKeepsTheFetcher()
    {
        var reason = new JwksFetchException(FetchFailureKind.HttpStatus, new Uri("https://google.example/jwks"), "503");
        var registry = Registry(firstFetch: () => new Status.Failure(reason));

        registry.Tell(new StartFetcher(Options("google") with { SyncInit = true }));

        Assert.Same(reason, ExpectMsg<Status.Failure>().Cause);
        registry.Tell(new Refresh("google"));
        ExpectMsg(new RefreshAccepted("google"));
    }

    [Fact]
    public async Task StartFetcher_SyncInitFailsWithStopOnFailure_RemovesTheFetcher()
    {
        var reason = new JwksFetchException(FetchFailureKind.HttpStatus, new Uri("https://google.example/jwks"), "503");
        var registry = Registry(firstFetch: () => new Status.Failure(reason));
        var options = Options("google") with { SyncInit = true, StopOnSyncInitFailure = true };

        registry.Tell(new StartFetcher(options));

        Assert.Same(reason, (await ExpectMsgAsync<Status.Failure>()).Cause);
        // Until the registry has seen the fetcher stop, a look-up may be forwarded to it and lost as it dies:
        // each try is an ask of its own, so a lost one is tried again instead of eating the whole wait.
        await AwaitAssertAsync(() => Assert.ThrowsAsync<FetcherNotFoundException>(
            () => registry.Ask<object>(new GetState("google"), TimeSpan.FromSeconds(1))));
        await AwaitAssertAsync(() => Assert.Equal(1, Clients.Single().Disposals));
    }

    [Fact]
    public async Task PreStart_ConfiguredSyncInitFailsWithStopOnFailure_RemovesTheFetcher()
    {
        var reason = new JwksFetchException(FetchFailureKind.HttpStatus, new Uri("https://google.example/jwks"), "503");
        var config = ConfigurationFactory.ParseString("""
            akka.jwks.fetchers.google {
              url = "https://google.example/jwks"
              sync-init = on
              stop-on-sync-init-failure = on
            }
            """);

        var registry = Registry(firstFetch: () => new Status.Failure(reason), config: config);

        // As above: a GetState forwarded to the fetcher as it dies may be lost, so each try is an ask of its own.
        await AwaitAssertAsync(() => Assert.ThrowsAsync<FetcherNotFoundException>(
            () => registry.Ask<object>(new GetState("google"), TimeSpan.FromSeconds(1))));
    }
}
