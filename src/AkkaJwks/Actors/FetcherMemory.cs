using AkkaJwks.Keys;

namespace AkkaJwks.Actors;

/// <summary>
/// What one fetcher keeps across restarts besides its keys (which <see cref="JwksSnapshots"/> holds): the kid-miss
/// cool-down, the kids remembered as absent, the refused keys already logged, its last state, and whether it is down
/// (crashed and not yet started again). Akka makes a new actor instance on every restart; this object outlives them
/// and lives as long as the fetcher of that name (the registry makes a new one for each start).
/// </summary>
/// <remarks>
/// The kid-miss members belong to the running incarnation alone: the back-off supervisor starts the next one only
/// after the last has stopped, so they need no lock. The down flag, the refresh requested while down and the last
/// state are shared with the registry, which answers for the fetcher while it is down.
/// </remarks>
internal sealed class FetcherMemory
{
    private readonly Lock _gate = new();
    private bool _down;
    private bool _refreshRequested;
    private bool _stopping;
    private FetcherState? _lastState;

    /// <summary>Kids that were still absent after a refresh.</summary>
    public UnknownKids UnknownKids { get; } = new();

    /// <summary>When the last kid-miss refresh started: the cool-down counts from it.</summary>
    public DateTimeOffset? LastKidMissRefresh { get; set; }

    /// <summary>The refused keys of the last document, already logged: the same ones are not logged again.</summary>
    public HashSet<RefusedKey> RefusedLogged { get; set; } = [];

    /// <summary>The fetcher's state when it last changed (start, fetch outcome); null before its first start.</summary>
    public FetcherState? LastState
    {
        get => Volatile.Read(ref _lastState);
        set => Volatile.Write(ref _lastState, value);
    }

    /// <summary>Whether the fetcher has crashed (or stopped) and not started again.</summary>
    public bool IsDown
    {
        get
        {
            lock (_gate)
            {
                return _down;
            }
        }
    }

    /// <summary>
    /// Whether the fetcher has decided to stop on its own (a failed sync-init first fetch with
    /// stop-on-sync-init-failure): set before it answers that failure, so the registry, which hears of the stop only
    /// later, already treats the name as free when the caller starts it again.
    /// </summary>
    public bool IsStopping => Volatile.Read(ref _stopping);

    /// <summary>The fetcher stops on its own; see <see cref="IsStopping"/>.</summary>
    public void MarkStopping() => Volatile.Write(ref _stopping, true);

    /// <summary>The fetcher crashed or stopped: from now on the registry answers for it.</summary>
    public void MarkDown()
    {
        lock (_gate)
        {
            _down = true;
        }
    }

    /// <summary>The fetcher (re)started; whether a refresh was accepted for it while it was down.</summary>
    public bool MarkUp()
    {
        lock (_gate)
        {
            var requested = _refreshRequested;
            _down = false;
            _refreshRequested = false;
            return requested;
        }
    }

    /// <summary>
    /// Records a refresh for the next start when the fetcher is down; <see langword="false"/> when it is up, and the
    /// request must go to it instead. One lock with <see cref="MarkUp"/>, so no request falls between the two.
    /// </summary>
    public bool TryRequestRefreshWhileDown()
    {
        lock (_gate)
        {
            _refreshRequested |= _down;
            return _down;
        }
    }
}
