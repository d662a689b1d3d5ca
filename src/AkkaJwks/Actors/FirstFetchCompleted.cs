using AkkaJwks.Keys;

namespace AkkaJwks.Actors;

/// <summary>
/// A fetcher's answer to <see cref="JwksFetcherActor.AwaitFirstFetch"/>: its first fetch succeeded (or it started
/// from a published snapshot) and it serves <paramref name="Keys"/>. A failed first fetch is answered with
/// <c>Status.Failure</c> instead.
/// </summary>
internal sealed record FirstFetchCompleted(string Name, Jwks Keys);
