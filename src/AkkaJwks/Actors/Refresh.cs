namespace AkkaJwks.Actors;

/// <summary>
/// Asks a fetcher to fetch now (the seed's <c>refresh/1</c>). Acknowledged at once with
/// <see cref="RefreshAccepted"/>; a refresh while a fetch is in flight joins that fetch. While the fetcher waits to
/// restart after a crash, the registry accepts it and the fetcher fetches as soon as it starts.
/// </summary>
public sealed record Refresh(string Name);
