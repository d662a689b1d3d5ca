using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Http;

namespace AkkaJwks.Tests.Actors;

public sealed class JwksRegistryActorTests : TestKit
{
    private const string VirtualTime =
        "akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"";

    private readonly TestProbe _starts;
    private readonly List<FakeHttpClient> _clients = [];

    public JwksRegistryActorTests()
        : base(VirtualTime)
    {
        _starts = CreateTestProbe();
    }

    [Fact]
    public void StartFetcher_NewName_AnswersFetcherStartedWithTheSupervisedChild()
    {
        var registry = Registry();

        registry.Tell(new StartFetcher(Options("google")));

        var started = ExpectMsg<FetcherStarted>();
        Assert.Equal("google", started.Name);
        Assert.Equal(registry.Path / "google", started.Fetcher.Path);
        _starts.ExpectMsg<FakeFetcher.Started>(s => s.Name == "google");
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
            .ResolveOne(TimeSpan.FromSeconds(3));

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
        _starts.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Empty(_clients);
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
        Assert.Equal(1, _clients.Single().Disposals);
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
    public void StartFetcher_SyncInitFailsWithStopOnFailure_RemovesTheFetcher()
    {
        var reason = new JwksFetchException(FetchFailureKind.HttpStatus, new Uri("https://google.example/jwks"), "503");
        var registry = Registry(firstFetch: () => new Status.Failure(reason));
        var options = Options("google") with { SyncInit = true, StopOnSyncInitFailure = true };

        registry.Tell(new StartFetcher(options));

        Assert.Same(reason, ExpectMsg<Status.Failure>().Cause);
        AwaitAssert(() =>
        {
            registry.Tell(new GetState("google"));
            Assert.IsType<FetcherNotFoundException>(ExpectMsg<Status.Failure>().Cause);
        });
        AwaitAssert(() => Assert.Equal(1, _clients.Single().Disposals));
    }

    [Fact]
    public void Fetcher_Crashes_IsStartedAgainAfterTheBackoff()
    {
        var registry = Registry();
        registry.Tell(new StartFetcher(Options("google")));
        ExpectMsg<FetcherStarted>();
        var first = _starts.ExpectMsg<FakeFetcher.Started>();

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => first.Self.Tell(FakeFetcher.Crash.Instance));
        _starts.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Scheduler.Advance(TimeSpan.FromSeconds(1));

        var second = _starts.ExpectMsg<FakeFetcher.Started>();
        Assert.NotEqual(first.Self, second.Self);
        registry.Tell(new Refresh("google"));
        ExpectMsg(new RefreshAccepted("google"));
    }

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    private IActorRef Registry(string name = "akka-jwks", Func<object>? firstFetch = null)
    {
        var settings = JwksSettings.Create(Config.Empty);
        return Sys.ActorOf(JwksRegistryActor.Props(settings, new JwksSnapshots(), _ =>
        {
            var client = new FakeHttpClient();
            lock (_clients)
            {
                _clients.Add(client);
            }

            return client;
        }, FakeFetcher.Factory(_starts, firstFetch)), name);
    }

    private static JwksFetcherOptions Options(string name) =>
        JwksFetcherOptions.Create(name, new Uri($"https://{Uri.EscapeDataString(name).Replace("%", "")}.example/jwks"));
}
