using AkkaJwks.Configuration;

namespace AkkaJwks.Actors;

/// <summary>
/// Asks the registry to start a fetcher. Answered with <see cref="FetcherStarted"/> (with sync-init, after the first
/// fetch), or <c>Status.Failure</c> with a <see cref="DuplicateFetcherException"/>, a configuration error, or (with
/// sync-init) the first fetch's failure.
/// </summary>
public sealed record StartFetcher(JwksFetcherOptions Options);
