namespace AkkaJwks.Actors;

/// <summary>
/// Asks for a fetcher's <see cref="FetcherState"/> (the seed's <c>get_state/1</c>). While the fetcher waits to restart
/// after a crash, the registry answers with <see cref="FetcherStatus.Restarting"/> and the last published keys.
/// </summary>
public sealed record GetState(string Name);
