using Akka.Actor;
using Akka.Event;
using AkkaJwks.Keys;
using AkkaJwks.Telemetry;

namespace AkkaJwks.Actors;

/// <summary>
/// Look-ups by kid. A known kid is answered at once. An unknown one joins the fetch in flight, or starts one refresh
/// at most once per kid-miss-cooldown; every waiter is answered when that fetch ends, or after kid-miss-wait. A kid
/// still absent after a successful fetch that started after its miss arrived is remembered as absent for
/// unknown-kid-ttl. A miss that joined an older fetch (one that left before a rotation could show) gets one
/// follow-up kid-miss refresh instead, shared by all such misses and subject to the cool-down. A miss inside the
/// cool-down waits for a refresh deferred to the cool-down's end when that comes before its kid-miss-wait runs out.
/// </summary>
internal sealed partial class JwksFetcherActor
{
    private readonly UnknownKids _unknownKids = new();
    private readonly List<KidWaiter> _kidWaiters = [];
    private DateTimeOffset? _lastKidMissRefresh;

    // When the kid-miss-wait of the current waiters (counted from the first of them) runs out.
    private DateTimeOffset _kidMissWaitEnds;

    private void OnGetKey(GetKey ask)
    {
        var lookup = _keys?.FindSigningKey(ask.Kid, ask.Alg);
        if (lookup is { IsFound: true } found)
        {
            Sender.Tell(found.Key);
            return;
        }

        if (lookup is { Status: not JwkLookupStatus.UnknownKid } refused)
        {
            // A refresh would not make a known kid fit another algorithm; forged headers must not spend refreshes.
            CountMiss(JwksTelemetryTags.KidMissAlgMismatch);
            Sender.Tell(new Status.Failure(NotFound(ask.Kid, $"{refused.Message}; no refresh was tried")));
            return;
        }

        var now = Now;

        if (_unknownKids.TryGetUntil(ask.Kid, now, out var until))
        {
            CountMiss(JwksTelemetryTags.KidMissRememberedAbsent);
            Sender.Tell(new Status.Failure(NotFound(ask.Kid,
                $"it was still absent after a refresh and is remembered as absent until {until:O} " +
                "(unknown-kid-ttl); no refresh was tried")));
            return;
        }

        // Fetches are numbered: one numbered above this count started after the miss arrived.
        var fetchesBefore = _fetchCount;
        if (!HasFetchToWaitFor(ask.Kid, now))
        {
            return;
        }

        _kidWaiters.Add(new KidWaiter(Sender, ask.Kid, ask.Alg, fetchesBefore));
        if (_kidWaiters.Count == 1)
        {
            _kidMissWaitEnds = now + _options.KidMissWait;
            Timers.StartSingleTimer(KidMissTimerKey, KidMissWaitElapsed.Instance, _options.KidMissWait);
        }
    }

    /// <summary>
    /// Whether a fetch is in flight, due within kid-miss-wait, or may start now for this miss; when none is, the
    /// sender is answered with the reason.
    /// </summary>
    private bool HasFetchToWaitFor(string kid, DateTimeOffset now)
    {
        if (_inFlight is not null)
        {
            return true;
        }

        // While the endpoint fails, the backoff (and any Retry-After) wins over kid misses: no extra requests.
        if (_status == FetcherStatus.Failing && _nextFetchDue is { } due)
        {
            if (due - now <= _options.KidMissWait)
            {
                return true;
            }

            CountMiss(JwksTelemetryTags.KidMissBackoff);
            Sender.Tell(new Status.Failure(NotFound(kid,
                $"no refresh was tried: the endpoint is failing ({_lastError?.Kind}, {_failuresInRow} in a row) " +
                $"and the next attempt is due at {due:O}")));
            return false;
        }

        if (CooldownEnd(now) is not { } end)
        {
            StartKidMissRefresh(kid, now);
            return true;
        }

        var waitEnds = _kidWaiters.Count > 0 ? _kidMissWaitEnds : now + _options.KidMissWait;
        if (end < waitEnds)
        {
            DeferKidMissRefresh(end, now);
            return true;
        }

        CountMiss(JwksTelemetryTags.KidMissCooldown);
        Sender.Tell(new Status.Failure(CooldownRefusal(kid, end, waitEnds)));
        return false;
    }

    private void StartKidMissRefresh(string kid, DateTimeOffset now)
    {
        _lastKidMissRefresh = now;
        JwksInstruments.KidMissRefreshes.Add(
            1, new KeyValuePair<string, object?>(JwksTelemetryTags.Name, _options.Name));
        _log.Debug("JWKS fetcher {0}: unknown kid {1}, refreshing", _options.Name, JwkDisplay.Safe(kid));
        StartFetch(FetchTriggers.KidMiss);
    }

    private void AnswerKidWaiters(InFlightFetch fetch, bool refreshSucceeded)
    {
        if (_kidWaiters.Count == 0)
        {
            return;
        }

        var now = Now;
        var until = now + _options.UnknownKidTtl;

        // A kid is proven absent only by a fetch that started after a miss of that kid arrived.
        var proven = _kidWaiters.Where(waiter => waiter.FetchesBefore < fetch.Id)
            .Select(waiter => waiter.Kid).ToHashSet(StringComparer.Ordinal);
        var unproven = new List<KidWaiter>();
        foreach (var waiter in _kidWaiters)
        {
            var lookup = _keys?.FindSigningKey(waiter.Kid, waiter.Alg);
            if (lookup is { IsFound: true } found)
            {
                CountMiss(JwksTelemetryTags.KidMissFound);
                waiter.Sender.Tell(found.Key);
            }
            else if (lookup is { Status: not JwkLookupStatus.UnknownKid } refused)
            {
                CountMiss(JwksTelemetryTags.KidMissAlgMismatch);
                waiter.Sender.Tell(new Status.Failure(NotFound(waiter.Kid, $"after a refresh, {refused.Message}")));
            }
            else if (refreshSucceeded && !proven.Contains(waiter.Kid))
            {
                unproven.Add(waiter);
            }
            else if (refreshSucceeded)
            {
                _unknownKids.Remember(waiter.Kid, until, now);
                CountMiss(JwksTelemetryTags.KidMissAbsent);
                waiter.Sender.Tell(new Status.Failure(NotFound(waiter.Kid,
                    $"it is still absent after a refresh at {now:O}; remembered as absent until {until:O}")));
            }
            else
            {
                CountMiss(JwksTelemetryTags.KidMissRefreshFailed);
                waiter.Sender.Tell(new Status.Failure(NotFound(waiter.Kid,
                    $"a refresh was tried and failed with {_lastError?.Kind}: {_lastError?.Message}")));
            }
        }

        _kidWaiters.Clear();
        FollowUp(unproven, now);
    }

    private void OnKidMissWaitElapsed()
    {
        Timers.Cancel(DeferredKidMissTimerKey);
        foreach (var waiter in _kidWaiters)
        {
            CountMiss(JwksTelemetryTags.KidMissWaitElapsed);
            waiter.Sender.Tell(new Status.Failure(NotFound(waiter.Kid,
                $"a refresh was started but did not complete within kid-miss-wait ({_options.KidMissWait})")));
        }

        _kidWaiters.Clear();
    }

    private JwkNotFoundException NotFound(string kid, string why) => new(
        _options.Name, kid,
        $"JWKS fetcher '{_options.Name}' has no signing key with kid '{JwkDisplay.Safe(kid)}': {why}.");

    private void CountMiss(string outcome) => JwksInstruments.KidMissLookups.Add(1,
        new KeyValuePair<string, object?>(JwksTelemetryTags.Name, _options.Name),
        new KeyValuePair<string, object?>(JwksTelemetryTags.KidMissOutcome, outcome));

    private readonly record struct KidWaiter(IActorRef Sender, string Kid, string? Alg, long FetchesBefore);

    private sealed record KidMissWaitElapsed
    {
        public static KidMissWaitElapsed Instance { get; } = new();
    }
}
