using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;

namespace AkkaJwks.Tests.Actors;

/// <summary>A TestKit in virtual time with a hand-driven HTTP client, for fetcher specs.</summary>
public abstract class FetcherTestKit : TestKit
{
    private const string VirtualTime = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.loglevel = WARNING
        """;

    protected FetcherTestKit()
        : base(VirtualTime)
    {
    }

    internal FakeJwksHttpClient Client { get; } = new();

    internal JwksSnapshots Snapshots { get; } = new();

    protected TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    /// <summary>
    /// Options with round test values (the real defaults live in reference.conf): refresh 15m (floor 1m, jitter
    /// 0.1), retry 30s up to 5m, kid-miss cool-down 30s, wait 5s, unknown-kid TTL 5m.
    /// </summary>
    internal static JwksFetcherOptions TestOptions(string name = "idp") => new()
    {
        Name = name,
        Url = TestDocuments.Url,
        RefreshInterval = TimeSpan.FromMinutes(15),
        MinRefreshInterval = TimeSpan.FromMinutes(1),
        RefreshJitter = 0.1,
        RetryInterval = TimeSpan.FromSeconds(30),
        MaxRetryInterval = TimeSpan.FromMinutes(5),
        SyncInit = false,
        StopOnSyncInitFailure = false,
        RequestTimeout = TimeSpan.FromSeconds(10),
        TransientRetries = 2,
        MaxResponseBytes = 1 << 20,
        MaxResponseHeadersBytes = 1 << 16,
        MaxKeys = 500,
        MaxRedirects = 3,
        AllowInsecureHttp = false,
        PinnedSpkiSha256 = [],
        Headers = new Dictionary<string, string>(),
        KidMissCooldown = TimeSpan.FromSeconds(30),
        KidMissWait = TimeSpan.FromSeconds(5),
        UnknownKidTtl = TimeSpan.FromMinutes(5),
    };

    /// <summary>Starts a fetcher; a jitter source of 0.5 means no spread at all.</summary>
    internal IActorRef StartFetcher(JwksFetcherOptions? options = null, Func<double>? jitter = null) =>
        Sys.ActorOf(JwksFetcherActor.Props(options ?? TestOptions(), Client, Snapshots, jitter ?? (() => 0.5)));

    /// <summary>Starts a fetcher and completes its first fetch with <paramref name="kids"/>.</summary>
    internal async Task<IActorRef> StartReadyAsync(params string[] kids)
    {
        var fetcher = StartFetcher();
        (await Client.NextAsync()).RespondKeys(kids);
        await fetcher.Ask<Keys.Jwks>(new GetKeys("idp"), RemainingOrDefault);
        return fetcher;
    }

    /// <summary>The fetcher's state; also a barrier: every message sent before it has been handled.</summary>
    internal static Task<FetcherState> StateAsync(IActorRef fetcher) =>
        fetcher.Ask<FetcherState>(new GetState("idp"), TimeSpan.FromSeconds(5));

    /// <summary>Advances virtual time, then waits until the fetcher handled what fell due.</summary>
    internal async Task AdvanceAsync(IActorRef fetcher, TimeSpan span)
    {
        Clock.Advance(span);
        await StateAsync(fetcher);
    }
}
