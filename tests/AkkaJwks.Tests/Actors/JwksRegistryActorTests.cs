using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Actors;

public sealed class JwksRegistryActorTests : JwksRegistryTestKit
{
    [Fact]
    public void StartFetcher_NewName_AnswersFetcherStartedWithTheSupervisedChild()
    {
        var registry = Registry();

        registry.Tell(new StartFetcher(Options("google")));

        var started = ExpectMsg<FetcherStarted>();
        Assert.Equal("google", started.Name);
        Assert.Equal(registry.Path / "google", started.Fetcher.Path);
        Starts.ExpectMsg<FakeFetcher.Started>(s => s.Name == "google");
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("tenant/idp")]
    [InlineData("$dollar")]
    public async Task StartFetcher_NameThatNeedsEscaping_IsFoundByActorSelection(string name)
    {
        var registry = Registry("jwks-registry");
        registry.Tell(new StartFetcher(Options(name)));
        var started = ExpectMsg<FetcherStarted>();

        var found = await Sys.ActorSelection($"/user/jwks-registry/{Uri.EscapeDataString(name)}")
            .ResolveOne(TimeSpan.FromSeconds(30));

        Assert.Equal(started.Fetcher, found);
    }

    [Fact]
    public void StartFetcher_DuplicateName_FailsWithDuplicateFetcherException()
    {
        var registry = Registry();
        registry.Tell(new StartFetcher(Options("google")));
        ExpectMsg<FetcherStarted>();

        registry.Tell(new StartFetcher(Options("google")));

        var failure = ExpectMsg<Status.Failure>();
        var duplicate = Assert.IsType<DuplicateFetcherException>(failure.Cause);
        Assert.Equal("google", duplicate.Name);
        Assert.Contains("https://google.example/jwks", duplicate.Message);
    }

    [Fact]
    public void StartFetcher_InvalidOptions_FailsWithEveryProblemAndStartsNothing()
    {
        var registry = Registry();
        var options = Options("bad") with { Url = new Uri("http://issuer.example/jwks"), MaxKeys = 0 };

        registry.Tell(new StartFetcher(options));

        var failure = ExpectMsg<Status.Failure>();
        var error = Assert.IsType<JwksConfigurationException>(failure.Cause);
        Assert.Equal(2, error.Problems.Count);
        Starts.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Empty(Clients);
    }

    [Fact]
    public void GetState_UnknownName_FailsNamingItAndListingKnownNames()
    {
        var registry = Registry();
        registry.Tell(new StartFetcher(Options("google")));
        registry.Tell(new StartFetcher(Options("azure")));
        ExpectMsg<FetcherStarted>();
        ExpectMsg<FetcherStarted>();

        registry.Tell(new GetState("okta"));

        var failure = ExpectMsg<Status.Failure>();
        var notFound = Assert.IsType<FetcherNotFoundException>(failure.Cause);
        Assert.Equal("No JWKS fetcher is named 'okta'. Known fetchers: azure, google.", notFound.Message);
    }

    [Fact]
    public void Asks_ForAName_AreForwardedToItsFetcherWithTheSenderKept()
    {
        var registry = Registry();
        registry.Tell(new StartFetcher(Options("google")));
        registry.Tell(new StartFetcher(Options("azure")));
        ExpectMsg<FetcherStarted>();
        ExpectMsg<FetcherStarted>();
        var asker = CreateTestProbe();

        registry.Tell(new GetState("azure"), asker);
        registry.Tell(new GetKeys("google"), asker);
        registry.Tell(new GetKey("google", "kid-1", "RS256"), asker);
        registry.Tell(new Refresh("azure"), asker);

        asker.ExpectMsgAllOf<object>(
        [
            new FakeFetcher.Forwarded("azure", new GetState("azure")),
            new FakeFetcher.Forwarded("google", new GetKeys("google")),
            new FakeFetcher.Forwarded("google", new GetKey("google", "kid-1", "RS256")),
            new RefreshAccepted("azure"),
        ]);
    }

    [Fact]
    public void Resolve_KnownName_GivesARefThatAnswers()
    {
        var registry = Registry();
        registry.Tell(new StartFetcher(Options("google")));
        ExpectMsg<FetcherStarted>();

        registry.Tell(new Resolve("google"));
        var fetcher = ExpectMsg<IActorRef>();
        fetcher.Tell(new Refresh("google"));

        ExpectMsg(new RefreshAccepted("google"));
    }

    [Fact]
    public void StopFetcher_Running_StopsItDisposesItsClientAndFreesTheName()
    {
        var registry = Registry();
        registry.Tell(new StartFetcher(Options("google")));
        var started = ExpectMsg<FetcherStarted>();
        var watcher = CreateTestProbe();
        watcher.Watch(started.Fetcher);

        registry.Tell(new StopFetcher("google"));

        ExpectMsg(new FetcherStopped("google"));
        watcher.ExpectTerminated(started.Fetcher);
        Assert.Equal(1, Clients.Single().Disposals);
        registry.Tell(new GetState("google"));
        Assert.IsType<FetcherNotFoundException>(ExpectMsg<Status.Failure>().Cause);
        registry.Tell(new StartFetcher(Options("google")));
        ExpectMsg<FetcherStarted>();
    }

    [Fact]
    public void StopThenStart_SameNameAtOnce_StartsTheNewFetcherAfterTheOldOneStopped()
    {
        var registry = Registry();
        registry.Tell(new StartFetcher(Options("google")));
        ExpectMsg<FetcherStarted>();

        registry.Tell(new StopFetcher("google"));
        registry.Tell(new StartFetcher(Options("google")));

        ExpectMsg(new FetcherStopped("google"));
        ExpectMsg<FetcherStarted>();
    }

    [Fact]
    public void StopFetcher_UnknownName_FailsWithFetcherNotFound()
    {
        var registry = Registry();

        registry.Tell(new StopFetcher("google"));

        Assert.IsType<FetcherNotFoundException>(ExpectMsg<Status.Failure>().Cause);
    }

    [Fact]
    public async Task Fetcher_Crashes_IsStartedAgainAfterTheBackoff()
    {
        var registry = Registry();
        registry.Tell(new StartFetcher(Options("google")));
        var started = await ExpectMsgAsync<FetcherStarted>();
        var first = await Starts.ExpectMsgAsync<FakeFetcher.Started>();

        await EventFilter.Exception<InvalidOperationException>().ExpectOneAsync(() =>
        {
            first.Self.Tell(FakeFetcher.Crash.Instance);
            return Task.CompletedTask;
        });
        await this.AwaitRestartScheduledAsync(started.Fetcher);
        var startedBeforeTheBackoff = Starts.HasMessages;
        Scheduler.Advance(TimeSpan.FromSeconds(1));

        var second = await Starts.ExpectMsgAsync<FakeFetcher.Started>();
        Assert.False(startedBeforeTheBackoff);
        Assert.NotEqual(first.Self, second.Self);
        registry.Tell(new Refresh("google"));
        await ExpectMsgAsync(new RefreshAccepted("google"));
    }
}
