using System.Collections.Frozen;
using System.Collections.Immutable;

namespace AkkaJwks.Keys;

/// <summary>
/// The frozen kid index of a <see cref="Jwks"/>, built once on the first look-up (lock-free: racing builders make
/// equal tables and one is kept) and shared by every copy <see cref="Jwks.WithOrigin"/> makes. Parsing does not
/// build it, because a set that is only inspected or compared never needs it.
/// </summary>
/// <remarks>
/// Each kid maps to its keys with the signature algorithms each may verify worked out in advance
/// (<see cref="JwaAlgorithm.SignatureBits"/>), so a look-up with the JWT's <c>alg</c> is one dictionary read and
/// an AND, not a walk through the algorithm rules on every request.
/// </remarks>
internal sealed class JwksIndex(ImmutableArray<Jwk> keys)
{
    private Tables? _tables;

    /// <summary>The keys of each kid, in document order.</summary>
    public FrozenDictionary<string, JwksKidEntry> ByKid => (Volatile.Read(ref _tables) ?? Build()).ByKid;

    /// <summary>The <see cref="JwaAlgorithm.SignatureBits"/> of every key of the set, in document order.</summary>
    public ImmutableArray<int> Bits => (Volatile.Read(ref _tables) ?? Build()).Bits;

    private Tables Build()
    {
        var bits = ImmutableArray.CreateBuilder<int>(keys.Length);
        var byKid = new Dictionary<string, JwksKidEntry>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            var keyBits = JwaAlgorithm.SignatureBits(key);
            bits.Add(keyBits);
            if (key.Kid is not { } kid)
            {
                continue;
            }

            // Nearly every kid names one key; the rare kid that names several gets a longer entry in its place.
            byKid[kid] = byKid.TryGetValue(kid, out var entry)
                ? new JwksKidEntry([.. entry.Keys, key], [.. entry.Bits, keyBits])
                : new JwksKidEntry([key], [keyBits]);
        }

        var tables = new Tables(byKid.ToFrozenDictionary(StringComparer.Ordinal), bits.MoveToImmutable());
        return Interlocked.CompareExchange(ref _tables, tables, null) ?? tables;
    }

    private sealed record Tables(FrozenDictionary<string, JwksKidEntry> ByKid, ImmutableArray<int> Bits);
}
