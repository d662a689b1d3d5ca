using System.Security.Cryptography;

namespace AkkaJwks.Keys;

/// <summary>
/// One accepted public key as its JWKS published it (RFC 7517). Immutable and safe to share across threads.
/// Only the parser creates instances, so every <see cref="Jwk"/> has passed its checks.
/// </summary>
public sealed class Jwk
{
    internal Jwk()
    {
        throw new NotImplementedException("contract stub: the parser work replaces this");
    }

    /// <summary>The key type: <c>RSA</c>, <c>EC</c> or <c>OKP</c>.</summary>
    public string Kty { get; } = "";

    /// <summary>The key id, or <see langword="null"/> when the key has none.</summary>
    public string? Kid { get; }

    /// <summary>The intended use (<c>sig</c>, <c>enc</c>), or <see langword="null"/>.</summary>
    public string? Use { get; }

    /// <summary>The algorithm the key is for, or <see langword="null"/>.</summary>
    public string? Alg { get; }

    /// <summary>The permitted operations (<c>key_ops</c>), or <see langword="null"/>.</summary>
    public IReadOnlyList<string>? KeyOps { get; }

    /// <summary>The RFC 7638 SHA-256 thumbprint of the key, base64url without padding.</summary>
    public string Thumbprint { get; } = "";

    /// <summary>
    /// Whether the key may verify signatures: not marked <c>use: "enc"</c>, <c>key_ops</c> (when present)
    /// allows <c>verify</c>, and not a key-agreement curve (X25519, X448).
    /// </summary>
    public bool IsSigningKey { get; }

    /// <summary>Whether the key may verify a JWS signed with <paramref name="alg"/>.</summary>
    public bool CanVerify(string alg) => throw new NotImplementedException();

    /// <summary>Verifies a JWS signature made with <paramref name="alg"/> over <paramref name="data"/>.</summary>
    public bool VerifySignature(string alg, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        throw new NotImplementedException();

    /// <summary>The key as a cached <see cref="RSA"/>, or <see langword="null"/> when it is not an RSA key.</summary>
    public RSA? GetRsa() => throw new NotImplementedException();

    /// <summary>The key as a cached <see cref="ECDsa"/>, or <see langword="null"/> when it is not an EC key.</summary>
    public ECDsa? GetECDsa() => throw new NotImplementedException();
}
