namespace AkkaJwks.Actors;

/// <summary>
/// Asks for a fetcher's current key set. Answered with the <see cref="Keys.Jwks"/>; before the first fetch it waits
/// for that fetch, and fails with <see cref="KeysNotReadyException"/> when the fetcher has no keys to give.
/// </summary>
public sealed record GetKeys(string Name);
