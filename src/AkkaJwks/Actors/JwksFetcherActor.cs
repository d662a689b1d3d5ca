using Akka.Actor;
using Akka.Event;
using AkkaJwks.Configuration;
using AkkaJwks.Http;
using AkkaJwks.Keys;

namespace AkkaJwks.Actors;

/// <summary>
/// One named fetcher: keeps one endpoint's JWKS fresh on Akka timers, keeps the last good keys through failures,
/// publishes every accepted set to <see cref="JwksSnapshots"/>, and answers look-ups. It never blocks: the HTTP call
/// runs as a task whose outcome comes back as a message, and stopping the actor cancels it.
/// </summary>
internal sealed partial class JwksFetcherActor : ReceiveActor, IWithTimers
{
    // One key for the refresh and the retry, so a manual refresh replaces the pending timer instead of adding a loop.
    private const string FetchTimerKey = "fetch";
    private const string KidMissTimerKey = "kid-miss-wait";

    private readonly JwksFetcherOptions _options;
    private readonly IJwksHttpClient _httpClient;
    private readonly JwksSnapshots _snapshots;
    private readonly FetchRhythm _rhythm;
    private readonly FetcherMemory _memory;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly List<IActorRef> _keysWaiters = [];
    private readonly List<IActorRef> _firstFetchWaiters = [];

    private Jwks? _keys;
    private FetcherStatus _status = FetcherStatus.Starting;
    private bool _firstFetchDone;
    private DateTimeOffset? _lastSuccess;
    private JwksFetchException? _lastError;
    private int _failuresInRow;
    private DateTimeOffset? _nextFetchDue;

    // Messages, logs and tags show the endpoint redacted: a query or user-info may carry a credential.
    private string ShownUrl => JwksUrl.Redact(_options.Url);

    // Public only because Akka's Props activator needs a public constructor; the type itself is internal.
    public JwksFetcherActor(
        JwksFetcherOptions options, IJwksHttpClient httpClient, JwksSnapshots snapshots, Func<double> nextUnit)
    {
        _options = options;
        _httpClient = httpClient;
        _snapshots = snapshots;
        _rhythm = new FetchRhythm(options, nextUnit);
        _memory = snapshots.Memory(options.Name);

        Receive<GetKeys>(_ => OnGetKeys());
        Receive<GetKey>(OnGetKey);
        Receive<Refresh>(_ => OnRefresh());
        Receive<GetState>(_ => Sender.Tell(CurrentState()));
        Receive<AwaitFirstFetch>(_ => OnAwaitFirstFetch());
        Receive<FetchTick>(tick => StartFetch(tick.Trigger));
        Receive<FetchCompleted>(OnFetchCompleted);
        Receive<FetchFaulted>(OnFetchFaulted);
        Receive<KidMissWaitElapsed>(_ => OnKidMissWaitElapsed());
        Receive<DeferredKidMissRefresh>(_ => OnDeferredKidMissRefresh());
    }

    /// <summary>Set by Akka before the actor starts.</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    private DateTimeOffset Now => Context.System.Scheduler.Now;

    /// <summary>The props of a fetcher for <paramref name="options"/>; the caller owns the HTTP client.</summary>
    public static Props Props(JwksFetcherOptions options, IJwksHttpClient httpClient, JwksSnapshots snapshots) =>
        Props(options, httpClient, snapshots, Random.Shared.NextDouble);

    /// <summary>As above, with the source of jitter: a uniform random number in [0, 1), seeded in tests.</summary>
    internal static Props Props(
        JwksFetcherOptions options, IJwksHttpClient httpClient, JwksSnapshots snapshots, Func<double> nextUnit)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(nextUnit);
        return Akka.Actor.Props.Create(() => new JwksFetcherActor(options, httpClient, snapshots, nextUnit));
    }

    private void OnGetKeys()
    {
        if (_keys is not null)
        {
            Sender.Tell(_keys);
        }
        else if (!_firstFetchDone)
        {
            _keysWaiters.Add(Sender);
        }
        else
        {
            Sender.Tell(new Status.Failure(NotReady()));
        }
    }

    private void OnAwaitFirstFetch()
    {
        if (_keys is not null)
        {
            Sender.Tell(new FirstFetchCompleted(_options.Name, _keys));
        }
        else if (!_firstFetchDone)
        {
            _firstFetchWaiters.Add(Sender);
        }
        else
        {
            var stops = StopsOnSyncInitFailure();
            Sender.Tell(new Status.Failure(NotReady()));
            if (stops)
            {
                Context.Stop(Self);
            }
        }
    }

    private void OnRefresh()
    {
        Sender.Tell(new RefreshAccepted(_options.Name));
        StartFetch(FetchTriggers.Manual);
    }

    /// <summary>Answers everyone waiting for the first fetch.</summary>
    private void AnswerFirstFetchWaiters()
    {
        _firstFetchDone = true;
        object keysAnswer = _keys is null ? new Status.Failure(NotReady()) : _keys;
        object firstAnswer = _keys is null
            ? new Status.Failure(NotReady())
            : new FirstFetchCompleted(_options.Name, _keys);
        _keysWaiters.ForEach(waiter => waiter.Tell(keysAnswer));
        _firstFetchWaiters.ForEach(waiter => waiter.Tell(firstAnswer));
        _keysWaiters.Clear();
        _firstFetchWaiters.Clear();
    }

    /// <summary>
    /// Whether the fetcher stops because its sync-init first fetch failed; if so it says so in its memory before the
    /// caller hears of the failure, so that starting the name again at once finds it going, not running.
    /// </summary>
    private bool StopsOnSyncInitFailure()
    {
        if (_keys is not null || !_options.SyncInit || !_options.StopOnSyncInitFailure)
        {
            return false;
        }

        _log.Warning("JWKS fetcher {0} stops: its first fetch failed and stop-on-sync-init-failure is on",
            _options.Name);
        _memory.MarkStopping();
        return true;
    }

    private KeysNotReadyException NotReady()
    {
        if (_lastError is null)
        {
            return new KeysNotReadyException(_options.Name, "its first fetch has not completed yet");
        }

        var next = _nextFetchDue is { } due ? $"the next attempt is due at {due:O}" : "a fetch is running now";
        return new KeysNotReadyException(
            _options.Name,
            $"no fetch from {ShownUrl} has succeeded yet; the last failed with {_lastError.Kind}: " +
            $"{_lastError.Message} ({_failuresInRow} failures in a row; {next})",
            _lastError);
    }

    private FetcherState CurrentState() => new(
        _options.Name,
        _status,
        _keys,
        _lastSuccess,
        _lastError?.Message,
        _lastError?.Kind,
        _failuresInRow,
        _nextFetchDue,
        _keys?.ETag,
        _keys?.LastModified,
        _options);

    private void ScheduleFetch(TimeSpan delay, string trigger)
    {
        Timers.StartSingleTimer(FetchTimerKey, new FetchTick(trigger), delay);
        _nextFetchDue = Now + delay;
    }

    /// <summary>
    /// Asks for the outcome of the first fetch: answered, once it completes, with <see cref="FirstFetchCompleted"/>
    /// or <c>Status.Failure</c> with a <see cref="KeysNotReadyException"/> whose inner exception is the
    /// <see cref="JwksFetchException"/> that says why. The registry sends it for sync-init.
    /// </summary>
    public sealed record AwaitFirstFetch
    {
        private AwaitFirstFetch()
        {
        }

        /// <summary>The one instance.</summary>
        public static AwaitFirstFetch Instance { get; } = new();
    }

    private sealed record FetchTick(string Trigger);
}
