using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using AkkaJwks.Configuration;
using AkkaJwks.Http;
using AkkaJwks.Keys;
using AkkaJwks.Telemetry;

namespace AkkaJwks.Actors;

/// <summary>Starting a fetch and taking its outcome.</summary>
internal sealed partial class JwksFetcherActor
{
    private InFlightFetch? _inFlight;
    private long _fetchCount;

    private void StartFetch(string trigger)
    {
        if (_inFlight is not null)
        {
            return;
        }

        Timers.Cancel(FetchTimerKey);

        // Misses waiting for a deferred kid-miss refresh ride this fetch instead, which started after them.
        Timers.Cancel(DeferredKidMissTimerKey);
        _nextFetchDue = null;
        var request = NextRequest();

        // The activity must not stay current on the dispatcher thread, only flow into the HTTP call.
        var previous = Activity.Current;
        var activity = StartActivity(trigger);
        var cancellation = new CancellationTokenSource();
        var fetch = new InFlightFetch(++_fetchCount, trigger, Now, cancellation, activity);
        _inFlight = fetch;
        Task<JwksHttpResponse> task;
        try
        {
            task = _httpClient.GetAsync(request, cancellation.Token);
        }
        catch (Exception e)
        {
            task = Task.FromException<JwksHttpResponse>(e);
        }

        Activity.Current = previous;
        Context.System.EventStream.Publish(new JwksFetchStarted(_options.Name, _options.Url, fetch.StartedAt, trigger));
        _log.Debug("JWKS fetcher {0}: fetch {1} ({2}) of {3} started", _options.Name, fetch.Id, trigger, ShownUrl);
        _ = PipeOutcomeAsync(task, fetch.Id, Self, cancellation.Token);
    }

    private JwksHttpRequest NextRequest() => new()
    {
        Url = _options.Url,
        Headers = _options.Headers,
        IfNoneMatch = _keys?.ETag,
        IfModifiedSince = _keys?.LastModified,
        Timeout = _options.RequestTimeout,
        MaxResponseBytes = _options.MaxResponseBytes,
        MaxRedirects = _options.MaxRedirects,
        TransientRetries = _options.TransientRetries,
        AllowInsecureHttp = _options.AllowInsecureHttp,
    };

    private Activity? StartActivity(string trigger)
    {
        var activity = JwksInstruments.ActivitySource.StartActivity(JwksInstruments.FetchActivityName);
        activity?.SetTag(JwksTelemetryTags.Name, _options.Name);
        activity?.SetTag(JwksTelemetryTags.Url, ShownUrl);
        activity?.SetTag(JwksTelemetryTags.Trigger, trigger);
        return activity;
    }

    private static async Task PipeOutcomeAsync(
        Task<JwksHttpResponse> task, long id, IActorRef self, CancellationToken cancellationToken)
    {
        object outcome;
        try
        {
            outcome = new FetchCompleted(id, await task.ConfigureAwait(false));
        }
        catch (Exception e)
        {
            outcome = new FetchFaulted(id, e);
        }

        // A cancelled fetch belongs to a stopped actor: telling it would only make a dead letter.
        if (!cancellationToken.IsCancellationRequested)
        {
            self.Tell(outcome);
        }
    }

    private void CancelInFlight()
    {
        if (_inFlight is null)
        {
            return;
        }

        _inFlight.Cancellation.Cancel();
        _inFlight.Cancellation.Dispose();
        _inFlight.Activity?.SetStatus(ActivityStatusCode.Error, "cancelled: the fetcher stopped");
        StopActivity(_inFlight.Activity);
        _inFlight = null;
    }

    private void OnFetchCompleted(FetchCompleted outcome)
    {
        if (_inFlight is not { } fetch || fetch.Id != outcome.Id)
        {
            return;
        }

        var response = outcome.Response;
        if (response.NotModified)
        {
            if (_keys is null)
            {
                Fail(fetch, new JwksFetchException(FetchFailureKind.Other, _options.Url,
                    $"{ShownUrl} answered 304 Not Modified although no validator was sent; expected a JWKS " +
                    "document with status 200", statusCode: 304));
                return;
            }

            var kept = _keys.WithOrigin(
                _keys.Source, Now, response.ETag ?? _keys.ETag, response.LastModified ?? _keys.LastModified);
            Succeed(fetch, kept, response, notModified: true);
            return;
        }

        var parsed = JwksParser.Parse(response.Body.Span, ShownUrl, Now, _options.MaxKeys);
        if (!parsed.IsJwks)
        {
            var kind = parsed.Error.Kind == JwksDocumentErrorKind.NotJson
                ? FetchFailureKind.NotJson
                : FetchFailureKind.NotJwks;
            Fail(fetch, new JwksFetchException(kind, _options.Url,
                NotJwks(parsed.Error.Message),
                statusCode: response.StatusCode));
            return;
        }

        var jwks = parsed.Jwks.WithOrigin(
            parsed.Jwks.Source, parsed.Jwks.FetchedAt, response.ETag, response.LastModified);
        LogRefused(jwks);
        if (!jwks.Keys.Any(key => key.IsSigningKey))
        {
            Fail(fetch, new JwksFetchException(FetchFailureKind.NoUsableKeys, _options.Url,
                $"The JWKS at {ShownUrl} has no usable signing key ({jwks.Keys.Length} accepted, " +
                $"{jwks.Refused.Length} refused); expected at least one public signing key, " +
                (_keys is null ? "and no keys are held yet" : "the last good keys are kept"),
                statusCode: response.StatusCode) { Refused = jwks.Refused });
            return;
        }

        Succeed(fetch, jwks, response, notModified: false);
    }

    /// <summary>
    /// Why the document is not a JWKS, naming the URL once: the parser's reason already starts with
    /// "the document from" the URL.
    /// </summary>
    private string NotJwks(string reason)
    {
        var prefix = $"the document from {ShownUrl} ";
        return reason.StartsWith(prefix, StringComparison.Ordinal)
            ? "The document from " + ShownUrl + " " + reason[prefix.Length..]
            : $"The document at {ShownUrl} is not a JWKS: {reason}";
    }

    private void OnFetchFaulted(FetchFaulted outcome)
    {
        if (_inFlight is not { } fetch || fetch.Id != outcome.Id)
        {
            return;
        }

        var error = outcome.Error switch
        {
            JwksFetchException fetchError => fetchError,
            OperationCanceledException cancelled => new JwksFetchException(FetchFailureKind.Timeout, _options.Url,
                $"The fetch of {ShownUrl} was cancelled before it completed (request-timeout " +
                $"{JwksDurations.Format(_options.RequestTimeout)})", innerException: cancelled),
            var other => new JwksFetchException(FetchFailureKind.Other, _options.Url,
                $"The fetch of {ShownUrl} failed with {other.GetType().Name}: {other.Message}",
                innerException: other),
        };
        Fail(fetch, error);
    }

    private void LogRefused(Jwks jwks)
    {
        // A refresh of an unchanged document refuses the same keys again; only a change is worth a warning. The set
        // lives in the memory, so a restarted fetcher does not warn again about the document it warned about.
        var refused = jwks.Refused.ToHashSet();
        foreach (var key in jwks.Refused.Where(key => !_memory.RefusedLogged.Contains(key)))
        {
            _log.Warning("JWKS fetcher {0}: refused key #{1} (kid {2}) of {3}: {4}", _options.Name, key.Index,
                JwkDisplay.Safe(key.Kid, "(none)"), ShownUrl, key.Reason);
        }

        _memory.RefusedLogged = refused;
    }

    private static void StopActivity(Activity? activity)
    {
        if (activity is null)
        {
            return;
        }

        // Stopping restores Activity.Current to the activity's parent; the dispatcher thread must keep its own.
        var current = Activity.Current;
        activity.Stop();
        Activity.Current = current;
    }

    private sealed record InFlightFetch(
        long Id, string Trigger, DateTimeOffset StartedAt, CancellationTokenSource Cancellation, Activity? Activity);

    private sealed record FetchCompleted(long Id, JwksHttpResponse Response);

    private sealed record FetchFaulted(long Id, Exception Error);
}
