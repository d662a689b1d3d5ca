using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace AkkaJwks.Keys;

/// <summary>
/// An immutable JSON Web Key Set: the accepted keys in document order, an index by <c>kid</c> built once,
/// the refused keys with their reasons, and where and when the document came from.
/// Safe to share across threads; look-ups take no lock and, when they find a key, allocate nothing. The kid index
/// is a frozen dictionary built once, on the first look-up.
/// </summary>
public sealed class Jwks
{
    private readonly JwksIndex _index;

    // The index's table kept here too, so the hot look-up reads one field of this set instead of two objects more.
    private FrozenDictionary<string, JwksKidEntry>? _byKid;

    internal Jwks(ImmutableArray<Jwk> keys, ImmutableArray<RefusedKey> refused, string source, DateTimeOffset fetchedAt)
    {
        Keys = keys;
        Refused = refused;
        Source = source;
        FetchedAt = fetchedAt;
        _index = new JwksIndex(keys);
    }

    private Jwks(Jwks keys, string source, DateTimeOffset fetchedAt, string? eTag, DateTimeOffset? lastModified)
    {
        Keys = keys.Keys;
        Refused = keys.Refused;
        _index = keys._index;
        Source = source;
        FetchedAt = fetchedAt;
        ETag = eTag;
        LastModified = lastModified;
    }

    /// <summary>The accepted keys, in document order (a copy of a key under the same kid is kept once).</summary>
    public ImmutableArray<Jwk> Keys { get; }

    /// <summary>The refused keys, each with its index, kid and reason.</summary>
    public ImmutableArray<RefusedKey> Refused { get; }

    /// <summary>Where the document came from: a URL or a file name.</summary>
    public string Source { get; }

    /// <summary>When the document was fetched or read.</summary>
    public DateTimeOffset FetchedAt { get; }

    /// <summary>The <c>ETag</c> the server sent with the document, or <see langword="null"/>.</summary>
    public string? ETag { get; }

    /// <summary>The <c>Last-Modified</c> the server sent with the document, or <see langword="null"/>.</summary>
    public DateTimeOffset? LastModified { get; }

    /// <summary>
    /// Finds a key by <c>kid</c> without locks or allocation. When different keys share the kid, this gives the
    /// first in document order whatever it is for; to verify a signature use <see cref="TryGetSigningKey"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetKey(string kid, [NotNullWhen(true)] out Jwk? key)
    {
        if (ByKid.TryGetValue(kid, out var entry))
        {
            key = entry.First;
            return true;
        }

        key = null;
        return false;
    }

    /// <summary>
    /// Finds the one key that may verify a JWS with this <paramref name="kid"/> and <paramref name="alg"/>, by
    /// the rules of <see cref="FindSigningKey"/>. No lock; no allocation when a key is found.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetSigningKey(string? kid, string? alg, [NotNullWhen(true)] out Jwk? key)
    {
        if (kid is null || alg is null)
        {
            return TryFindSigningKey(kid, alg, out key);
        }

        // The hot path: the algorithms each key may verify were worked out when the index was built, so this is
        // one dictionary read and an AND; "none" and unregistered names have no bit and match nothing.
        var bit = JwaAlgorithm.SignatureBit(alg);
        if (ByKid.TryGetValue(kid, out var entry) && entry.IsSingle)
        {
            key = (entry.FirstBits & bit) != 0 ? entry.First : null;
            return key is not null;
        }

        key = entry is null ? null : OneOf(entry, bit);
        return key is not null;
    }

    /// <summary>
    /// Finds the one key that may verify a JWS whose header has <paramref name="kid"/> and
    /// <paramref name="alg"/>, or says why there is none. <c>none</c> is never verified; only signing keys
    /// (<see cref="Jwk.IsSigningKey"/>) are offered; with an <paramref name="alg"/>, only keys that
    /// <see cref="Jwk.CanVerify"/> it, so an RSA key never answers <c>ES256</c> and a key published for
    /// <c>RS256</c> never answers <c>PS256</c>. Different keys under one kid are told apart this way; when
    /// several still fit the result is <see cref="JwkLookupStatus.Ambiguous"/>. Without a kid, the one signing
    /// key of the whole set that fits is found. No lock; no allocation when a key is found.
    /// </summary>
    public JwkLookupResult FindSigningKey(string? kid, string? alg)
    {
        if (alg is not null && alg.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return new JwkLookupResult(JwkLookupStatus.AlgorithmNone, kid, alg, null, this, null, 0);
        }

        if (kid is null)
        {
            return Choose(Keys.AsSpan(), _index.Bits.AsSpan(), null, alg);
        }

        return ByKid.TryGetValue(kid, out var entry)
            ? Choose(entry.Keys, entry.Bits, kid, alg)
            : new JwkLookupResult(JwkLookupStatus.UnknownKid, kid, alg, null, this, null, 0);
    }

    /// <summary>A copy with other HTTP validators and fetch time; the keys and index are shared.</summary>
    public Jwks WithOrigin(string source, DateTimeOffset fetchedAt, string? eTag, DateTimeOffset? lastModified) =>
        new(this, source, fetchedAt, eTag, lastModified);

    /// <summary>
    /// The keys of this set that <paramref name="other"/> does not hold, a key being its kid and thumbprint;
    /// for change events (<c>this</c> the new set: added keys; <c>this</c> the old set: removed keys).
    /// </summary>
    public ImmutableArray<Jwk> KeysNotIn(Jwks other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var builder = ImmutableArray.CreateBuilder<Jwk>();
        foreach (var key in Keys)
        {
            if (!other.Holds(key))
            {
                builder.Add(key);
            }
        }

        return builder.DrainToImmutable();
    }

    /// <summary>Whether both sets hold the same keys (kid and thumbprint), whatever their order and origin.</summary>
    public bool HasSameKeysAs(Jwks other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Keys == other.Keys
            || (Keys.Length == other.Keys.Length && KeysNotIn(other).IsEmpty && other.KeysNotIn(this).IsEmpty);
    }

    private FrozenDictionary<string, JwksKidEntry> ByKid => Volatile.Read(ref _byKid) ?? LoadIndex();

    private bool Holds(Jwk key)
    {
        ReadOnlySpan<Jwk> candidates = key.Kid is not null && ByKid.TryGetValue(key.Kid, out var entry)
            ? entry.Keys
            : Keys.AsSpan();
        foreach (var candidate in candidates)
        {
            if (candidate.Kid == key.Kid && candidate.Thumbprint == key.Thumbprint)
            {
                return true;
            }
        }

        return false;
    }

    private FrozenDictionary<string, JwksKidEntry> LoadIndex()
    {
        var byKid = _index.ByKid;
        Volatile.Write(ref _byKid, byKid);
        return byKid;
    }

    private static Jwk? OneOf(JwksKidEntry entry, int bit) =>
        Count(entry.Bits, bit, out var place) == 1 ? entry.Keys[place] : null;

    private bool TryFindSigningKey(string? kid, string? alg, [NotNullWhen(true)] out Jwk? key)
    {
        var result = FindSigningKey(kid, alg);
        key = result.Key;
        return result.IsFound;
    }

    private static int Count(ReadOnlySpan<int> bits, int bit, out int place)
    {
        place = -1;
        var matches = 0;
        for (var i = 0; i < bits.Length; i++)
        {
            if ((bits[i] & bit) != 0)
            {
                place = matches++ == 0 ? i : place;
            }
        }

        return matches;
    }

    private JwkLookupResult Choose(ReadOnlySpan<Jwk> candidates, ReadOnlySpan<int> bits, string? kid, string? alg)
    {
        var bit = alg is null ? 0 : JwaAlgorithm.SignatureBit(alg);
        Jwk? found = null;
        Jwk? signing = null;
        var matches = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            var key = candidates[i];
            if (!key.IsSigningKey)
            {
                continue;
            }

            signing ??= key;
            if (alg is null || (bits[i] & bit) != 0)
            {
                found ??= key;
                matches++;
            }
        }

        var status = matches switch
        {
            1 => JwkLookupStatus.Found,
            > 1 => JwkLookupStatus.Ambiguous,
            _ when kid is null => JwkLookupStatus.UnknownKid,
            _ when signing is null => JwkLookupStatus.NotForSignatures,
            _ => JwkLookupStatus.AlgorithmMismatch,
        };
        var considered = signing ?? (candidates.IsEmpty ? null : candidates[0]);
        return new JwkLookupResult(status, kid, alg, matches == 1 ? found : null, this, considered, matches);
    }
}
