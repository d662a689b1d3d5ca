using Akka.Actor;
using Akka.Event;
using AkkaJwks.Configuration;
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
/// Each waiter has its own deadline (its arrival plus kid-miss-wait); one timer runs for the earliest of them.
/// The cool-down and the absent kids live in the <see cref="FetcherMemory"/>, so a restart keeps them.
/// </summary>
internal sealed partial class JwksFetcherActor
{
    // Room for this many waiters is kept between bursts; a burst of forged kids may need far more, given back after.
    private const int KidWaitersKeptCapacity = 1024;

    // In arrival order, which is also deadline order: every deadline is its arrival plus the same kid-miss-wait.
    private readonly List<KidWaiter> _kidWaiters = [];

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

        if (_memory.UnknownKids.TryGetUntil(ask.Kid, now, out var until))
        {
            CountMiss(JwksTelemetryTags.KidMissRememberedAbsent);
            Sender.Tell(new Status.Failure(NotFound(ask.Kid,
                $"it was still absent after a refresh and is remembered as absent until {until:O} " +
                "(unknown-kid-ttl); no refresh was tried")));
            return;
        }

        // Fetches are numbered: one numbered above this count started after the miss arrived.
        var fetchesBefore = _fetchCount;
        var deadline = now + _options.KidMissWait;
        if (!HasFetchToWaitFor(ask.Kid, now, deadline))
        {
            return;
        }

        _kidWaiters.Add(new KidWaiter(Sender, ask.Kid, ask.Alg, fetchesBefore, deadline));
        if (_kidWaiters.Count == 1)
        {
            ScheduleKidMissWait(now);
        }
    }

    /// <summary>
    /// Whether a fetch is in flight, due before <paramref name="deadline"/>, or may start now for this miss; when none
    /// is, the sender is answered with the reason.
    /// </summary>
    private bool HasFetchToWaitFor(string kid, DateTimeOffset now, DateTimeOffset deadline)
    {
        if (_inFlight is not null)
        {
            return true;
        }

        // While the endpoint fails, the backoff (and any Retry-After) wins over kid misses: no extra requests.
        if (_status == FetcherStatus.Failing && _nextFetchDue is { } due)
        {
            if (due <= deadline)
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

        if (end < deadline)
        {
            DeferKidMissRefresh(end, now);
            return true;
        }

        CountMiss(JwksTelemetryTags.KidMissCooldown);
        Sender.Tell(new Status.Failure(CooldownRefusal(kid, end, deadline)));
        return false;
    }

    private void StartKidMissRefresh(string kid, DateTimeOffset now)
    {
        _memory.LastKidMissRefresh = now;
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
                _memory.UnknownKids.Remember(waiter.Kid, until, now);
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
        ShrinkKidWaiters();
        FollowUp(unproven, now);
        ScheduleKidMissWait(now);
    }

    private void OnKidMissWaitElapsed()
    {
        // The waiters are in deadline order: the ones due now are a prefix.
        var now = Now;
        var due = _kidWaiters.FindIndex(waiter => waiter.Deadline > now);
        due = due < 0 ? _kidWaiters.Count : due;
        for (var i = 0; i < due; i++)
        {
            FailWaitElapsed(_kidWaiters[i]);
        }

        _kidWaiters.RemoveRange(0, due);
        ShrinkKidWaiters();
        if (_kidWaiters.Count == 0)
        {
            Timers.Cancel(DeferredKidMissTimerKey);
        }

        ScheduleKidMissWait(now);
    }

    /// <summary>
    /// A list keeps the largest array it ever needed: after a burst of a million random kids that is tens of megabytes
    /// for the life of the fetcher. Once most of it is free, it goes.
    /// </summary>
    private void ShrinkKidWaiters()
    {
        if (_kidWaiters.Capacity > KidWaitersKeptCapacity && _kidWaiters.Count < _kidWaiters.Capacity / 4)
        {
            _kidWaiters.Capacity = Math.Max(_kidWaiters.Count, KidWaitersKeptCapacity);
        }
    }

    /// <summary>One timer for all waiters, due at the earliest deadline; none when nobody waits.</summary>
    private void ScheduleKidMissWait(DateTimeOffset now)
    {
        if (_kidWaiters.Count == 0)
        {
            Timers.Cancel(KidMissTimerKey);
            return;
        }

        var delay = _kidWaiters[0].Deadline - now;
        Timers.StartSingleTimer(
            KidMissTimerKey, KidMissWaitElapsed.Instance, delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
    }

    private void FailWaitElapsed(KidWaiter waiter)
    {
        CountMiss(JwksTelemetryTags.KidMissWaitElapsed);
        waiter.Sender.Tell(new Status.Failure(NotFound(waiter.Kid,
            "a refresh was started but did not complete within kid-miss-wait " +
            $"({JwksDurations.Format(_options.KidMissWait)})")));
    }

    private JwkNotFoundException NotFound(string kid, string why) => JwkNotFoundException.For(_options.Name, kid, why);

    private void CountMiss(string outcome) => JwksInstruments.KidMissLookups.Add(1,
        new KeyValuePair<string, object?>(JwksTelemetryTags.Name, _options.Name),
        new KeyValuePair<string, object?>(JwksTelemetryTags.KidMissOutcome, outcome));

    private readonly record struct KidWaiter(
        IActorRef Sender, string Kid, string? Alg, long FetchesBefore, DateTimeOffset Deadline);

    private sealed record KidMissWaitElapsed
    {
        public static KidMissWaitElapsed Instance { get; } = new();
    }
}
