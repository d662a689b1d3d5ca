namespace AkkaJwks.Actors;

/// <summary>The fetcher named <paramref name="Name"/> was stopped and its keys forgotten.</summary>
public sealed record FetcherStopped(string Name);
