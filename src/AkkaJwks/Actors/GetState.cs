namespace AkkaJwks.Actors;

/// <summary>Asks for a fetcher's <see cref="FetcherState"/> (the seed's <c>get_state/1</c>).</summary>
public sealed record GetState(string Name);
