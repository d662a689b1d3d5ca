using Org.BouncyCastle.Crypto.Parameters;

namespace AkkaJwks.Keys;

/// <summary>Checks that an Ed25519 or Ed448 public key decodes to a curve point (BouncyCastle's import).</summary>
internal static class JwkEdwards
{
    public static string? Check(JwkKeyKind kind, byte[] x)
    {
        try
        {
            _ = kind switch
            {
                JwkKeyKind.Ed25519 => new Ed25519PublicKeyParameters(x),
                JwkKeyKind.Ed448 => (object)new Ed448PublicKeyParameters(x),
                _ => null,
            };
            return null;
        }
        catch (ArgumentException)
        {
            return $"member 'x' is not a point of {kind}; a public key must be a point of its curve";
        }
    }
}
