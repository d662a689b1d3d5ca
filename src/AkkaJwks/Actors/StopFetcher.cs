namespace AkkaJwks.Actors;

/// <summary>Asks the registry to stop a fetcher. Answered with <see cref="FetcherStopped"/>.</summary>
public sealed record StopFetcher(string Name);
