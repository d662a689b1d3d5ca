using Akka.Actor;
using Akka.Event;
using AkkaJwks.Configuration;
using AkkaJwks.Telemetry;

namespace AkkaJwks.Actors;

/// <summary>
/// The kid-miss cool-down. A miss inside it waits for one kid-miss refresh deferred to the moment it ends, when that
/// comes before the miss's kid-miss-wait runs out; all such misses share that refresh (one timer, one key). Any
/// fetch that starts first carries them instead and cancels the deferral. Otherwise the miss fails at once.
/// </summary>
internal sealed partial class JwksFetcherActor
{
    private const string DeferredKidMissTimerKey = "kid-miss-deferred";

    /// <summary>When the cool-down of the last kid-miss refresh ends, or null when it is not active.</summary>
    private DateTimeOffset? CooldownEnd(DateTimeOffset now) =>
        _memory.LastKidMissRefresh is { } last && now < last + _options.KidMissCooldown
            ? last + _options.KidMissCooldown
            : null;

    private JwkNotFoundException CooldownRefusal(string kid, DateTimeOffset end, DateTimeOffset waitEnds) =>
        NotFound(kid,
            $"no refresh was tried: the kid-miss cool-down is active until {end:O} (one refresh per " +
            $"{JwksDurations.Format(_options.KidMissCooldown)}, the last at {_memory.LastKidMissRefresh:O}), " +
            "which is not before the wait " +
            $"for it would end at {waitEnds:O} (kid-miss-wait {JwksDurations.Format(_options.KidMissWait)})");

    private void DeferKidMissRefresh(DateTimeOffset end, DateTimeOffset now)
    {
        if (Timers.IsTimerActive(DeferredKidMissTimerKey))
        {
            return;
        }

        Timers.StartSingleTimer(DeferredKidMissTimerKey, DeferredKidMissRefresh.Instance, end - now);
        _log.Debug("JWKS fetcher {0}: unknown kid inside the kid-miss cool-down, refresh deferred to {1:O}",
            _options.Name, end);
    }

    private void OnDeferredKidMissRefresh()
    {
        // A fetch that started meanwhile carries the waiters (and cancels this timer); none left means none needed.
        if (_inFlight is not null || _kidWaiters.Count == 0)
        {
            return;
        }

        // The scheduler may fire a little before the wall clock agrees; the budget must hold all the same.
        var now = Now;
        if (CooldownEnd(now) is { } end)
        {
            Timers.StartSingleTimer(DeferredKidMissTimerKey, DeferredKidMissRefresh.Instance, end - now);
            return;
        }

        StartKidMissRefresh(_kidWaiters[0].Kid, now);
    }

    /// <summary>
    /// Misses that joined a fetch older than themselves wait on for one kid-miss refresh of their own, each within
    /// its own kid-miss-wait: at once, or deferred to the end of the cool-down when the older fetch was itself a
    /// kid-miss refresh; a miss whose wait ends before the cool-down does fails at once.
    /// </summary>
    private void FollowUp(List<KidWaiter> unproven, DateTimeOffset now)
    {
        var end = CooldownEnd(now);
        foreach (var waiter in unproven)
        {
            if (waiter.Deadline <= now)
            {
                FailWaitElapsed(waiter);
            }
            else if (end is { } active && active >= waiter.Deadline)
            {
                CountMiss(JwksTelemetryTags.KidMissCooldown);
                waiter.Sender.Tell(new Status.Failure(CooldownRefusal(waiter.Kid, active, waiter.Deadline)));
            }
            else
            {
                _kidWaiters.Add(waiter);
            }
        }

        if (_kidWaiters.Count == 0)
        {
            return;
        }

        if (end is { } deferredTo)
        {
            DeferKidMissRefresh(deferredTo, now);
            return;
        }

        StartKidMissRefresh(_kidWaiters[0].Kid, now);
    }

    private sealed record DeferredKidMissRefresh
    {
        public static DeferredKidMissRefresh Instance { get; } = new();
    }
}
