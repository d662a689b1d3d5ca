using System.Diagnostics;
using Akka.Event;
using AkkaJwks.Configuration;
using AkkaJwks.Http;
using AkkaJwks.Keys;
using AkkaJwks.Telemetry;

namespace AkkaJwks.Actors;

/// <summary>What a fetcher does with a fetch's success or failure.</summary>
internal sealed partial class JwksFetcherActor
{
    private void Succeed(InFlightFetch fetch, Jwks jwks, JwksHttpResponse response, bool notModified)
    {
        var now = Now;
        var duration = now - fetch.StartedAt;
        var previous = _keys;
        var wasFailing = _status == FetcherStatus.Failing ? _failuresInRow : 0;
        EndFetch(fetch);

        // One atomic swap: readers see the old set or the new one, never an empty one. Refused once the registry
        // has forgotten this fetcher (stopped, the stop still on its way here).
        _keys = jwks;
        _snapshots.Publish(_options.Name, jwks, _memory);
        _status = FetcherStatus.Ready;
        _lastSuccess = now;
        _lastError = null;
        _failuresInRow = 0;
        var delay = _rhythm.AfterSuccess(response, now);
        ScheduleFetch(delay, FetchTriggers.Scheduled);

        var outcome = notModified ? JwksTelemetryTags.NotModified : JwksTelemetryTags.Success;
        RecordDuration(fetch, duration, outcome);
        JwksInstruments.Keys.Record(
            jwks.Keys.Length, new KeyValuePair<string, object?>(JwksTelemetryTags.Name, _options.Name));
        fetch.Activity?.SetTag(JwksTelemetryTags.Outcome, outcome);
        fetch.Activity?.SetTag(JwksTelemetryTags.KeyCount, jwks.Keys.Length);
        StopActivity(fetch.Activity);
        Context.System.EventStream.Publish(new JwksFetchSucceeded(
            _options.Name, _options.Url, now, duration, jwks.Keys.Length, notModified)
        {
            Refused = jwks.Refused,
        });
        if (wasFailing > 0)
        {
            _log.Info("JWKS fetcher {0}: {1} answers again after {2} failed fetches", _options.Name, ShownUrl,
                wasFailing);
        }

        _log.Debug("JWKS fetcher {0}: fetch {1} succeeded in {2} ({3} keys, not modified: {4}); next in {5}",
            _options.Name, fetch.Id, JwksDurations.Readable(duration), jwks.Keys.Length, notModified,
            JwksDurations.Readable(delay));
        PublishChanges(previous, jwks, now);
        AnswerFirstFetchWaiters();
        AnswerKidWaiters(fetch, refreshSucceeded: true);
        _memory.LastState = CurrentState();
    }

    private void Fail(InFlightFetch fetch, JwksFetchException error)
    {
        var now = Now;
        var duration = now - fetch.StartedAt;
        EndFetch(fetch);

        _status = FetcherStatus.Failing;
        _lastError = error;
        _failuresInRow++;
        var delay = _rhythm.AfterFailure(_failuresInRow, error.RetryAfter);
        ScheduleFetch(delay, FetchTriggers.Retry);

        RecordDuration(fetch, duration, JwksTelemetryTags.Failure);
        JwksInstruments.FetchFailures.Add(1,
            new KeyValuePair<string, object?>(JwksTelemetryTags.Name, _options.Name),
            new KeyValuePair<string, object?>(JwksTelemetryTags.Reason, error.Kind.ToString()));
        fetch.Activity?.SetTag(JwksTelemetryTags.Outcome, JwksTelemetryTags.Failure);
        fetch.Activity?.SetTag(JwksTelemetryTags.Reason, error.Kind.ToString());
        fetch.Activity?.SetStatus(ActivityStatusCode.Error, error.Message);
        StopActivity(fetch.Activity);
        Context.System.EventStream.Publish(new JwksFetchFailed(
            _options.Name, _options.Url, now, duration, error.Kind, error.Message, _failuresInRow, delay)
        {
            Refused = error.Refused,
        });
        _log.Warning("JWKS fetcher {0}: fetch failed ({1}, {2} in a row): {3}; serving {4} kept keys, " +
            "next attempt in {5}", _options.Name, error.Kind, _failuresInRow, error.Message,
            _keys?.Keys.Length ?? 0, JwksDurations.Readable(delay));

        // The registry's AwaitFirstFetch can arrive after a fast failure (a reset on loopback takes microseconds):
        // stopping before it came would lose that ask, so without a waiter the stop waits for it (OnAwaitFirstFetch).
        var stops = _firstFetchWaiters.Count > 0 && StopsOnSyncInitFailure();
        AnswerFirstFetchWaiters();
        AnswerKidWaiters(fetch, refreshSucceeded: false);
        _memory.LastState = CurrentState();
        if (stops)
        {
            Context.Stop(Self);
        }
    }

    private void EndFetch(InFlightFetch fetch)
    {
        fetch.Cancellation.Dispose();
        _inFlight = null;
    }

    private void RecordDuration(InFlightFetch fetch, TimeSpan duration, string outcome) =>
        JwksInstruments.FetchDuration.Record(duration.TotalSeconds,
            new KeyValuePair<string, object?>(JwksTelemetryTags.Name, _options.Name),
            new KeyValuePair<string, object?>(JwksTelemetryTags.Trigger, fetch.Trigger),
            new KeyValuePair<string, object?>(JwksTelemetryTags.Outcome, outcome));

    private void PublishChanges(Jwks? previous, Jwks current, DateTimeOffset now)
    {
        // A key is its kid and RFC 7638 thumbprint: a re-ordered or re-fetched document is no change.
        var added = (previous is null ? current.Keys : current.KeysNotIn(previous)).Select(Label).ToList();
        var removed = previous is null ? [] : previous.KeysNotIn(current).Select(Label).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return;
        }

        Context.System.EventStream.Publish(new JwksKeysChanged(
            _options.Name, _options.Url, now, added, removed, current.Keys.Length));
        _log.Info("JWKS fetcher {0}: keys changed, added [{1}], removed [{2}], {3} keys now",
            _options.Name, string.Join(", ", added.Select(JwkDisplay.Safe)),
            string.Join(", ", removed.Select(JwkDisplay.Safe)), current.Keys.Length);
    }

    private static string Label(Jwk key) => key.Kid ?? key.Thumbprint;
}
