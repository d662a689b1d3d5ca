namespace AkkaJwks.Keys;

/// <summary>How refusal reasons name a key's kind and what an algorithm needs.</summary>
internal static class JwkReasons
{
    public static string Describe(JwkKeyKind kind) => kind switch
    {
        JwkKeyKind.Rsa => "an RSA key",
        JwkKeyKind.EcP256 => "an EC key on P-256",
        JwkKeyKind.EcP384 => "an EC key on P-384",
        JwkKeyKind.EcP521 => "an EC key on P-521",
        _ => $"an OKP key on {kind}",
    };

    public static string Needs(in JwaAlgorithm alg) => alg.Kind switch
    {
        JwaKind.RsaSignature or JwaKind.RsaEncryption => "an RSA key",
        JwaKind.EcSignature => $"an EC key on {alg.Curve}",
        JwaKind.EdDsaSignature => alg.Curve is null ? "an OKP key on Ed25519 or Ed448" : $"an OKP key on {alg.Curve}",
        JwaKind.KeyAgreement => "an EC key or an OKP key on X25519 or X448",
        _ => "a symmetric key (kty 'oct'), which a JWKS must not publish",
    };
}
