using Akka.Actor;
using Akka.Event;

namespace AkkaJwks.Actors;

/// <summary>
/// Starting, crashing and stopping. Akka makes a new instance on every restart: what must survive it lives outside
/// the actor, the keys in <see cref="JwksSnapshots"/> and the rest in the <see cref="FetcherMemory"/>. While the
/// fetcher is down, the registry answers for it from both.
/// </summary>
internal sealed partial class JwksFetcherActor
{
    /// <inheritdoc />
    protected override void PreStart()
    {
        var refreshRequested = _memory.MarkUp();
        if (!_snapshots.TryGet(_options.Name, out var snapshot))
        {
            StartFetch(FetchTriggers.Initial);
            _memory.LastState = CurrentState();
            return;
        }

        // A restarted fetcher serves its last published keys from the first instant and keeps the old rhythm.
        _keys = snapshot;
        _status = FetcherStatus.Ready;
        _firstFetchDone = true;
        _lastSuccess = snapshot.FetchedAt;
        var due = snapshot.FetchedAt + _options.RefreshInterval - Now;
        ScheduleFetch(due > TimeSpan.Zero ? due : TimeSpan.Zero, FetchTriggers.Scheduled);
        _log.Debug("JWKS fetcher {0} started from its last published set ({1} keys, fetched {2:O})",
            _options.Name, snapshot.Keys.Length, snapshot.FetchedAt);

        // The registry took a Refresh while the fetcher was down and promised it for now.
        if (refreshRequested)
        {
            StartFetch(FetchTriggers.Manual);
        }

        _memory.LastState = CurrentState();
    }

    /// <inheritdoc />
    protected override bool AroundReceive(Receive receive, object message)
    {
        try
        {
            return base.AroundReceive(receive, message);
        }
        catch
        {
            // From the crash on, the registry answers instead of forwarding asks that would be lost with the mailbox.
            _memory.MarkDown();
            throw;
        }
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        _memory.MarkDown();
        CancelInFlight();

        var reason = "the fetcher stopped (or restarted) before its first fetch completed";
        foreach (var waiter in _keysWaiters.Concat(_firstFetchWaiters))
        {
            waiter.Tell(new Status.Failure(new KeysNotReadyException(_options.Name, reason)));
        }

        foreach (var waiter in _kidWaiters)
        {
            waiter.Sender.Tell(new Status.Failure(NotFound(waiter.Kid,
                "the fetcher stopped (or restarted) while the refresh it triggered was running")));
        }

        _keysWaiters.Clear();
        _firstFetchWaiters.Clear();
        _kidWaiters.Clear();
        _log.Debug("JWKS fetcher {0} stopped", _options.Name);
    }
}
