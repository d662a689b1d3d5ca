using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using AkkaJwks.Configuration;
using AkkaJwks.Keys;

namespace AkkaJwks;

/// <summary>
/// A handle on the keys of one named fetcher: a volatile reference to its last published <see cref="Jwks"/>, swapped
/// in one step by the fetcher. Hold it to skip the name look-up on the hot path; it stays valid across stops and
/// restarts of fetchers of that name (empty while none runs). Reads take no lock and allocate nothing.
/// </summary>
/// <remarks>
/// The look-ups are inlined into their callers (as are the steps of <see cref="Jwks"/> they take), so the hot path
/// of a request is one chain of field reads and one dictionary read, without a call per layer.
/// </remarks>
public sealed class JwksSource
{
    private Jwks? _current;
    private JwksFetcherOptions? _options;

    internal JwksSource(string name)
    {
        Name = name;
    }

    /// <summary>The fetcher's name.</summary>
    public string Name { get; }

    /// <summary>The keys published last, or <see langword="null"/> before the first success or after a stop.</summary>
    public Jwks? Current => Volatile.Read(ref _current);

    /// <summary>The options of the fetcher running under <see cref="Name"/>, if one has been started.</summary>
    internal JwksFetcherOptions? Options
    {
        get => Volatile.Read(ref _options);
        set => Volatile.Write(ref _options, value);
    }

    /// <summary>The keys published last; <see langword="false"/> when there are none.</summary>
    public bool TryGetKeys([NotNullWhen(true)] out Jwks? keys)
    {
        keys = Current;
        return keys is not null;
    }

    /// <summary>
    /// The key with <paramref name="kid"/>; <see langword="false"/> when there is none (or no keys yet). It may be a
    /// key that is not for signatures: to verify a JWT, use the overload that takes its <c>alg</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetKey(string kid, [NotNullWhen(true)] out Jwk? key)
    {
        var keys = Current;
        if (keys is null)
        {
            key = null;
            return false;
        }

        return keys.TryGetKey(kid, out key);
    }

    /// <summary>
    /// The signing key with <paramref name="kid"/> that may verify a JWS signed with <paramref name="alg"/> (the
    /// JWT header's); <see langword="false"/> when there is none.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetKey(string kid, string alg, [NotNullWhen(true)] out Jwk? key)
    {
        var keys = Current;
        if (keys is null)
        {
            key = null;
            return false;
        }

        return keys.TryGetSigningKey(kid, alg, out key);
    }

    internal void Publish(Jwks keys) => Volatile.Write(ref _current, keys);

    internal void Clear() => Volatile.Write(ref _current, null);
}
