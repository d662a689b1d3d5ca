namespace AkkaJwks.Actors;

/// <summary>
/// Asks for one signing key by <c>kid</c>, optionally for the JWT header's <c>alg</c>. Answered with the
/// <see cref="Keys.Jwk"/>, or <c>Status.Failure</c> with <see cref="JwkNotFoundException"/>. An unknown kid may
/// trigger one refresh, shared with every other miss and limited by the kid-miss cool-down; it waits for that refresh
/// up to its own kid-miss-wait. While the fetcher waits to restart after a crash, the registry answers from the last
/// published keys, and an unknown kid fails at once.
/// </summary>
public sealed record GetKey(string Name, string Kid, string? Alg = null);
