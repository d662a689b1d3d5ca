using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Http;
using AkkaJwks.Keys;

namespace AkkaJwks;

/// <summary>The typed async calls: each asks the registry and surfaces a failure as its specific exception.</summary>
public sealed partial class JwksExtension
{
    /// <summary>
    /// Starts a fetcher. With sync-init, completes after the first fetch. <paramref name="timeout"/> defaults to
    /// <c>ask-timeout</c>, plus the fetcher's <c>request-timeout</c> with sync-init.
    /// </summary>
    /// <exception cref="JwksConfigurationException">The options are invalid; nothing was started.</exception>
    /// <exception cref="DuplicateFetcherException">A fetcher of that name is running.</exception>
    /// <exception cref="KeysNotReadyException">With sync-init: the first fetch failed; the inner exception says how.
    /// The fetcher keeps retrying unless <c>stop-on-sync-init-failure</c> is on.</exception>
    public Task<FetcherStarted> StartFetcherAsync(JwksFetcherOptions options, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var wait = timeout ?? (options.SyncInit ? Settings.AskTimeout + options.RequestTimeout : Settings.AskTimeout);
        return Registry.Ask<FetcherStarted>(new StartFetcher(options), wait, cancellationToken);
    }

    /// <summary>Stops the fetcher <paramref name="name"/> and forgets its keys.</summary>
    /// <exception cref="FetcherNotFoundException">No fetcher has that name.</exception>
    public Task<FetcherStopped> StopFetcherAsync(string name, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        Registry.Ask<FetcherStopped>(new StopFetcher(name), timeout ?? Settings.AskTimeout, cancellationToken);

    /// <summary>
    /// The keys of <paramref name="name"/>: the last published ones at once, else (before the first fetch) the
    /// fetcher's answer, which waits for that fetch up to <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="FetcherNotFoundException">No fetcher has that name.</exception>
    /// <exception cref="KeysNotReadyException">The fetcher has no keys to give, or its first fetch was still running
    /// when the timeout ran out (then the inner exception is the <see cref="AskTimeoutException"/>).</exception>
    public ValueTask<Jwks> GetKeysAsync(string name, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        _snapshots.TryGet(name, out var keys)
            ? ValueTask.FromResult(keys)
            : new(AskKeysAsync(name, timeout ?? Settings.AskTimeout, cancellationToken));

    /// <summary>
    /// Completes when every fetcher of <c>akka.jwks.fetchers</c> with <c>sync-init = on</c> has its first keys: what
    /// <see cref="StartFetcherAsync"/> waits for a fetcher started from code, for the ones the extension started
    /// itself. Each is waited for up to its <c>request-timeout</c> plus <c>ask-timeout</c>; with none, it completes
    /// at once.
    /// </summary>
    /// <exception cref="KeysNotReadyException">A sync-init fetcher's first fetch failed (the inner exception says
    /// how; the fetcher goes on retrying unless <c>stop-on-sync-init-failure</c> stopped it) or was still running when
    /// its wait ran out. When several fail, an <see cref="AggregateException"/> holds each.</exception>
    public async Task WhenReadyAsync(CancellationToken cancellationToken = default)
    {
        var waits = Settings.Fetchers.Where(options => options.SyncInit)
            .Select(options => AwaitFirstKeysAsync(options, cancellationToken))
            .ToArray();
        var all = Task.WhenAll(waits);
        try
        {
            await all.ConfigureAwait(false);
        }
        catch when (all.Exception is { InnerExceptions.Count: > 1 } several)
        {
            throw several.Flatten();
        }
    }

    private async Task AwaitFirstKeysAsync(JwksFetcherOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await GetKeysAsync(options.Name, options.RequestTimeout + Settings.AskTimeout, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (FetcherNotFoundException gone)
        {
            // stop-on-sync-init-failure stopped it as its first fetch failed.
            throw new KeysNotReadyException(options.Name,
                "its first fetch failed and stop-on-sync-init-failure stopped it", gone);
        }
    }

    private async Task<Jwks> AskKeysAsync(string name, TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            return await Registry.Ask<Jwks>(new GetKeys(name), wait, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException timedOut) when (_snapshots.LastState(name) is { Keys: null } state)
        {
            // The fetcher answers when its first fetch ends, which may take longer than the caller waits.
            var options = state.Options;
            var why = state.LastErrorKind is { } kind
                ? $"no fetch from {JwksUrl.Redact(options.Url)} has succeeded yet; the last failed with {kind}: " +
                  $"{state.LastError} ({state.FailuresInRow} failures in a row)"
                : $"its first fetch from {JwksUrl.Redact(options.Url)} is still running (request-timeout " +
                  $"{JwksProblemCollector.Format(options.RequestTimeout)})";
            throw new KeysNotReadyException(
                name, $"{why}, and no answer came within {JwksProblemCollector.Format(wait)}", timedOut);
        }
    }

    /// <summary>
    /// The signing key <paramref name="kid"/> of <paramref name="name"/> (for the JWT header's <paramref name="alg"/>
    /// when given). A published key is returned at once; an unknown kid asks the fetcher, which may refresh once
    /// (shared with other misses, limited by <c>kid-miss-cooldown</c>); while the fetcher waits to restart after a
    /// crash, an unknown kid fails at once without a refresh. <paramref name="timeout"/> defaults to the fetcher's
    /// <c>kid-miss-wait</c> plus <c>ask-timeout</c> as the margin for the answer.
    /// </summary>
    /// <exception cref="JwkNotFoundException">No key fits, after any refresh it was worth trying.</exception>
    /// <exception cref="FetcherNotFoundException">No fetcher has that name.</exception>
    public ValueTask<Jwk> GetKeyAsync(string name, string kid, string? alg = null, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var source = _snapshots.Find(name);
        if (source is not null
            && (alg is null ? source.TryGetKey(kid, out var key) : source.TryGetKey(kid, alg, out key)))
        {
            return ValueTask.FromResult(key);
        }

        var wait = timeout ?? (source?.Options is { } options
            ? options.KidMissWait + Settings.AskTimeout
            : Settings.AskTimeout);
        return new(Registry.Ask<Jwk>(new GetKey(name, kid, alg), wait, cancellationToken));
    }

    /// <summary>
    /// Asks <paramref name="name"/> to fetch now; completes when the fetcher took the request. While the fetcher waits
    /// to restart after a crash, the registry takes it instead, and the fetcher fetches as soon as it starts.
    /// </summary>
    /// <exception cref="FetcherNotFoundException">No fetcher has that name.</exception>
    public Task<RefreshAccepted> RefreshAsync(string name, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        Registry.Ask<RefreshAccepted>(new Refresh(name), timeout ?? Settings.AskTimeout, cancellationToken);

    /// <summary>
    /// The state of <paramref name="name"/> (the seed's <c>get_state/1</c>). While the fetcher waits to restart after a
    /// crash, the registry answers: status <see cref="FetcherStatus.Restarting"/>, the last published keys, and the
    /// rest as the fetcher last reported it.
    /// </summary>
    /// <exception cref="FetcherNotFoundException">No fetcher has that name.</exception>
    public Task<FetcherState> GetStateAsync(string name, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        Registry.Ask<FetcherState>(new GetState(name), timeout ?? Settings.AskTimeout, cancellationToken);

    /// <summary>The actor of <paramref name="name"/> (what the seed's <c>via_tuple/1</c> gives).</summary>
    /// <exception cref="FetcherNotFoundException">No fetcher has that name.</exception>
    public Task<IActorRef> ResolveAsync(string name, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        Registry.Ask<IActorRef>(new Resolve(name), timeout ?? Settings.AskTimeout, cancellationToken);
}
