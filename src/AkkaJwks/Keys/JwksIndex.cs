using System.Collections.Frozen;
using System.Collections.Immutable;

namespace AkkaJwks.Keys;

/// <summary>
/// The frozen kid index of a <see cref="Jwks"/>, built once on the first look-up (lock-free: racing builders make
/// equal tables and one is kept) and shared by every copy <see cref="Jwks.WithOrigin"/> makes. Parsing does not
/// build it, because a set that is only inspected or compared never needs it.
/// </summary>
internal sealed class JwksIndex(ImmutableArray<Jwk> keys)
{
    private Tables? _tables;

    /// <summary>The first key of each kid, in document order.</summary>
    public FrozenDictionary<string, Jwk> ByKid => (Volatile.Read(ref _tables) ?? Build()).ByKid;

    /// <summary>The kids that name more than one different key, with those keys in document order.</summary>
    public FrozenDictionary<string, ImmutableArray<Jwk>> SharedKids =>
        (Volatile.Read(ref _tables) ?? Build()).SharedKids;

    private Tables Build()
    {
        var byKid = new Dictionary<string, Jwk>(keys.Length, StringComparer.Ordinal);
        Dictionary<string, ImmutableArray<Jwk>>? shared = null;
        foreach (var key in keys)
        {
            if (key.Kid is null || byKid.TryAdd(key.Kid, key))
            {
                continue;
            }

            shared ??= new Dictionary<string, ImmutableArray<Jwk>>(StringComparer.Ordinal);
            shared[key.Kid] = shared.TryGetValue(key.Kid, out var all) ? all.Add(key) : [byKid[key.Kid], key];
        }

        var tables = new Tables(
            byKid.ToFrozenDictionary(StringComparer.Ordinal),
            shared?.ToFrozenDictionary(StringComparer.Ordinal) ?? FrozenDictionary<string, ImmutableArray<Jwk>>.Empty);
        return Interlocked.CompareExchange(ref _tables, tables, null) ?? tables;
    }

    private sealed record Tables(
        FrozenDictionary<string, Jwk> ByKid, FrozenDictionary<string, ImmutableArray<Jwk>> SharedKids);
}
