using AkkaJwks.Keys;

namespace AkkaJwks.Cli.Output;

/// <summary>What the program shows of one key: names and sizes, never key material.</summary>
/// <param name="Kid">The key id as it may be shown, or <see langword="null"/>.</param>
/// <param name="Kty">The key type.</param>
/// <param name="Alg">The algorithm as it may be shown, or <see langword="null"/>.</param>
/// <param name="Use">The intended use as it may be shown, or <see langword="null"/>.</param>
/// <param name="Crv">The curve of an EC or OKP key, or <see langword="null"/>.</param>
/// <param name="Size">The size in bits of an RSA modulus or EC/OKP key, or <see langword="null"/>.</param>
/// <param name="Thumbprint">The RFC 7638 SHA-256 thumbprint, base64url.</param>
/// <param name="Signing">Whether the key may verify signatures (an encryption key is kept but never used so).</param>
internal sealed record KeyRow(
    string? Kid, string Kty, string? Alg, string? Use, string? Crv, int? Size, string Thumbprint, bool Signing)
{
    /// <summary>
    /// The row of <paramref name="key"/>. Kid, alg and use come from the document as they were written, so they
    /// go through <see cref="JwkDisplay"/>: whatever the program prints never holds a token or a control character.
    /// </summary>
    public static KeyRow From(Jwk key) =>
        new(Shown(key.Kid), key.Kty, ShownName(key.Alg), ShownName(key.Use), ShownName(key.Crv),
            key.KeySize > 0 ? key.KeySize : null, key.Thumbprint, key.IsSigningKey);

    /// <summary>A kid (or any free text from a document) as the program may print it.</summary>
    public static string? Shown(string? kid) => kid is null ? null : JwkDisplay.Safe(kid);

    private static string? ShownName(string? name) => name is null ? null : JwkDisplay.SafeName(name, "");
}
