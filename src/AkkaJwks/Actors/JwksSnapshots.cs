using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using AkkaJwks.Keys;

namespace AkkaJwks.Actors;

/// <summary>
/// The last published <see cref="Jwks"/> of every fetcher, read without locks on the hot path. A fetcher swaps
/// its snapshot in one step, never empties it, and a restarted fetcher starts from it.
/// </summary>
internal sealed class JwksSnapshots
{
    private readonly ConcurrentDictionary<string, Jwks> _byName = new(StringComparer.Ordinal);

    public bool TryGet(string name, [NotNullWhen(true)] out Jwks? jwks) => _byName.TryGetValue(name, out jwks);

    public void Publish(string name, Jwks jwks) => _byName[name] = jwks;

    public void Remove(string name) => _byName.TryRemove(name, out _);
}
