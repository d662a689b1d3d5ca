using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Http;
using AkkaJwks.Telemetry;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Actors;

/// <summary>A TestKit in virtual time with a hand-driven HTTP client, for fetcher specs.</summary>
public abstract class FetcherTestKit : TestKit
{
    protected FetcherTestKit()
        : base(VirtualTime.Config + "\nakka.loglevel = WARNING")
    {
        Outcomes = CreateTestProbe();
        Sys.EventStream.Subscribe(Outcomes, typeof(JwksFetchSucceeded));
        Sys.EventStream.Subscribe(Outcomes, typeof(JwksFetchFailed));
    }

    /// <summary>How long a spec's ask may wait for its answer: only a broken spec waits that long.</summary>
    internal static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Receives every fetch outcome: the signal that the fetcher took an answer.</summary>
    internal TestProbe Outcomes { get; }

    private IActorRef? _lastFetcher;

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
    internal IActorRef StartFetcher(JwksFetcherOptions? options = null, Func<double>? jitter = null)
    {
        _lastFetcher = Sys.ActorOf(
            JwksFetcherActor.Props(options ?? TestOptions(), Client, Snapshots, jitter ?? (() => 0.5)));
        return _lastFetcher;
    }

    /// <summary>Starts a fetcher and completes its first fetch with <paramref name="kids"/>.</summary>
    internal async Task<IActorRef> StartReadyAsync(params string[] kids)
    {
        var fetcher = StartFetcher();
        await SucceedAsync(kids);
        return fetcher;
    }

    /// <summary>Answers the next request with <paramref name="answer"/> and waits until the fetcher took it.</summary>
    internal async Task<PendingFetch> AnswerAsync(Action<PendingFetch> answer)
    {
        var fetch = await Client.NextAsync();
        answer(fetch);
        await TookAnswerAsync();
        return fetch;
    }

    /// <summary>
    /// Waits for the fetch outcome, then until the fetcher has finished handling it: the outcome is published
    /// before the handler schedules its next timers, and virtual time advanced in between would miss them.
    /// </summary>
    internal async Task TookAnswerAsync()
    {
        await Outcomes.ExpectMsgAsync<object>();
        if (_lastFetcher is not null)
        {
            await StateAsync(_lastFetcher);
        }
    }

    /// <summary>
    /// Waits for the next request, then until <paramref name="fetcher"/> has finished the handler that started it:
    /// the request starts before that handler schedules its timers (kid-miss-wait), and virtual time advanced in
    /// between would miss them.
    /// </summary>
    internal async Task<PendingFetch> NextRequestAsync(IActorRef fetcher)
    {
        var fetch = await Client.NextAsync();
        await StateAsync(fetcher);
        return fetch;
    }

    /// <summary>Answers the next request with a set of <paramref name="kids"/>.</summary>
    internal Task<PendingFetch> SucceedAsync(params string[] kids) => AnswerAsync(fetch => fetch.RespondKeys(kids));

    /// <summary>Fails the next request.</summary>
    internal Task<PendingFetch> FailAsync(FetchFailureKind kind, TimeSpan? retryAfter = null) =>
        AnswerAsync(fetch => fetch.Fail(kind, retryAfter));

    /// <summary>The fetcher's state; also a barrier: every message sent before it has been handled.</summary>
    internal static Task<FetcherState> StateAsync(IActorRef fetcher) =>
        fetcher.Ask<FetcherState>(new GetState("idp"), AskTimeout);

    /// <summary>Advances virtual time, then waits until the fetcher handled what fell due.</summary>
    internal async Task AdvanceAsync(IActorRef fetcher, TimeSpan span)
    {
        Clock.Advance(span);
        await StateAsync(fetcher);
    }
}
