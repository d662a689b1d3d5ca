using AkkaJwks.Keys;

namespace AkkaJwks.Cli.Output;

/// <summary>What the program shows of one key: names and sizes, never key material.</summary>
/// <param name="Kid">The key id, or <see langword="null"/>.</param>
/// <param name="Kty">The key type.</param>
/// <param name="Alg">The algorithm, or <see langword="null"/>.</param>
/// <param name="Use">The intended use, or <see langword="null"/>.</param>
/// <param name="Crv">The curve of an EC or OKP key, or <see langword="null"/>.</param>
/// <param name="Size">The size in bits of an RSA modulus or EC/OKP key, or <see langword="null"/>.</param>
/// <param name="Thumbprint">The RFC 7638 SHA-256 thumbprint, base64url.</param>
/// <param name="Signing">Whether the key may verify signatures (an encryption key is kept but never used so).</param>
internal sealed record KeyRow(
    string? Kid, string Kty, string? Alg, string? Use, string? Crv, int? Size, string Thumbprint, bool Signing)
{
    /// <summary>The row of <paramref name="key"/>.</summary>
    public static KeyRow From(Jwk key) =>
        new(key.Kid, key.Kty, key.Alg, key.Use, key.Crv, key.KeySize > 0 ? key.KeySize : null, key.Thumbprint,
            key.IsSigningKey);
}
