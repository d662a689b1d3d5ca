using System.Collections.Immutable;
using System.Security.Cryptography;

namespace AkkaJwks.Keys;

/// <summary>What a registered JOSE algorithm (RFC 7518, RFC 8037, RFC 8812, RFC 9864) needs from a key.</summary>
internal enum JwaKind
{
    Unregistered,
    None,
    Symmetric,
    RsaSignature,
    EcSignature,
    EdDsaSignature,
    RsaEncryption,
    KeyAgreement,
}

/// <summary>A registered <c>alg</c> value, with the hash and curve its signatures use.</summary>
internal readonly record struct JwaAlgorithm(JwaKind Kind, HashAlgorithmName Hash, string? Curve, bool Pss)
{
    public bool IsSignature => Kind is JwaKind.RsaSignature or JwaKind.EcSignature or JwaKind.EdDsaSignature;

    /// <summary>Looks up an <c>alg</c> value; case matters, as JOSE algorithm names are case-sensitive.</summary>
    public static JwaAlgorithm Find(string alg) => alg switch
    {
        "RS256" => Rsa(HashAlgorithmName.SHA256, false),
        "RS384" => Rsa(HashAlgorithmName.SHA384, false),
        "RS512" => Rsa(HashAlgorithmName.SHA512, false),
        "PS256" => Rsa(HashAlgorithmName.SHA256, true),
        "PS384" => Rsa(HashAlgorithmName.SHA384, true),
        "PS512" => Rsa(HashAlgorithmName.SHA512, true),
        "ES256" => new(JwaKind.EcSignature, HashAlgorithmName.SHA256, JwkCurve.P256, false),
        "ES384" => new(JwaKind.EcSignature, HashAlgorithmName.SHA384, JwkCurve.P384, false),
        "ES512" => new(JwaKind.EcSignature, HashAlgorithmName.SHA512, JwkCurve.P521, false),
        "ES256K" => new(JwaKind.EcSignature, HashAlgorithmName.SHA256, "secp256k1", false),
        "EdDSA" => new(JwaKind.EdDsaSignature, default, null, false),
        "Ed25519" => new(JwaKind.EdDsaSignature, default, JwkCurve.Ed25519, false),
        "Ed448" => new(JwaKind.EdDsaSignature, default, JwkCurve.Ed448, false),
        "RSA1_5" or "RSA-OAEP" or "RSA-OAEP-256" or "RSA-OAEP-384" or "RSA-OAEP-512" =>
            new(JwaKind.RsaEncryption, default, null, false),
        "ECDH-ES" or "ECDH-ES+A128KW" or "ECDH-ES+A192KW" or "ECDH-ES+A256KW" =>
            new(JwaKind.KeyAgreement, default, null, false),
        "HS256" or "HS384" or "HS512" or "dir" or "A128KW" or "A192KW" or "A256KW"
            or "A128GCMKW" or "A192GCMKW" or "A256GCMKW"
            or "PBES2-HS256+A128KW" or "PBES2-HS384+A192KW" or "PBES2-HS512+A256KW" =>
            new(JwaKind.Symmetric, default, null, false),
        "none" => new(JwaKind.None, default, null, false),
        _ => default,
    };

    /// <summary>The registered signature algorithms, in the order of their <see cref="SignatureBit"/>.</summary>
    public static ImmutableArray<string> SignatureNames { get; } =
    [
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "ES256K",
        "EdDSA", "Ed25519", "Ed448",
    ];

    /// <summary>
    /// One bit per registered signature algorithm (its place in <see cref="SignatureNames"/>), 0 for any other
    /// value, <c>none</c> included. Lets a look-up test a key's precomputed algorithms with one AND instead of
    /// comparing names; case matters, as in <see cref="Find"/>.
    /// </summary>
    public static int SignatureBit(string alg) => alg switch
    {
        "RS256" => 1 << 0,
        "RS384" => 1 << 1,
        "RS512" => 1 << 2,
        "PS256" => 1 << 3,
        "PS384" => 1 << 4,
        "PS512" => 1 << 5,
        "ES256" => 1 << 6,
        "ES384" => 1 << 7,
        "ES512" => 1 << 8,
        "ES256K" => 1 << 9,
        "EdDSA" => 1 << 10,
        "Ed25519" => 1 << 11,
        "Ed448" => 1 << 12,
        _ => 0,
    };

    /// <summary>The <see cref="SignatureBit"/>s of every algorithm <paramref name="key"/> may verify.</summary>
    public static int SignatureBits(Jwk key)
    {
        if (!key.IsSigningKey)
        {
            return 0;
        }

        // A key that publishes its alg verifies that one or none (CanVerify requires the names to be equal).
        if (key.Alg is not null)
        {
            return key.CanVerify(key.Alg) ? SignatureBit(key.Alg) : 0;
        }

        var bits = 0;
        foreach (var name in SignatureNames)
        {
            if (key.CanVerify(name))
            {
                bits |= SignatureBit(name);
            }
        }

        return bits;
    }

    private static JwaAlgorithm Rsa(HashAlgorithmName hash, bool pss) => new(JwaKind.RsaSignature, hash, null, pss);
}
