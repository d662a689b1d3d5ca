namespace AkkaJwks.Actors;

/// <summary>The fetcher named <paramref name="Name"/> took the refresh request.</summary>
public sealed record RefreshAccepted(string Name);
