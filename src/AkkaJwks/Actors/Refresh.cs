namespace AkkaJwks.Actors;

/// <summary>
/// Asks a fetcher to fetch now (the seed's <c>refresh/1</c>). Acknowledged at once with
/// <see cref="RefreshAccepted"/>; a refresh while a fetch is in flight joins that fetch.
/// </summary>
public sealed record Refresh(string Name);
