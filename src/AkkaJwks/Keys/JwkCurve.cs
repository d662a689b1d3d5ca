using System.Numerics;
using System.Security.Cryptography;

namespace AkkaJwks.Keys;

/// <summary>The public keys the parser accepts: RSA, the three NIST curves and the four RFC 8037 curves.</summary>
internal enum JwkKeyKind
{
    Rsa,
    EcP256,
    EcP384,
    EcP521,
    Ed25519,
    Ed448,
    X25519,
    X448,
}

/// <summary>Curve names, sizes and the on-curve check for the NIST curves (short Weierstrass, a = -3).</summary>
internal static class JwkCurve
{
    public const string P256 = "P-256";
    public const string P384 = "P-384";
    public const string P521 = "P-521";
    public const string Ed25519 = "Ed25519";
    public const string Ed448 = "Ed448";
    public const string X25519 = "X25519";
    public const string X448 = "X448";

    private static readonly WeierstrassCurve NistP256 = new(
        "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
        "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");

    private static readonly WeierstrassCurve NistP384 = new(
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
        "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef");

    private static readonly WeierstrassCurve NistP521 = new(
        "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
        + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573"
        + "df883d2c34f1ef451fd46b503f00");

    /// <summary>The key kind for the <c>crv</c> of an EC or OKP key; <see langword="null"/> when unsupported.</summary>
    public static JwkKeyKind? Find(string kty, string crv) => (kty, crv) switch
    {
        ("EC", P256) => JwkKeyKind.EcP256,
        ("EC", P384) => JwkKeyKind.EcP384,
        ("EC", P521) => JwkKeyKind.EcP521,
        ("OKP", Ed25519) => JwkKeyKind.Ed25519,
        ("OKP", Ed448) => JwkKeyKind.Ed448,
        ("OKP", X25519) => JwkKeyKind.X25519,
        ("OKP", X448) => JwkKeyKind.X448,
        _ => null,
    };

    /// <summary>The exact length of a coordinate (EC) or of the public key (OKP), in bytes.</summary>
    public static int KeyLength(JwkKeyKind kind) => kind switch
    {
        JwkKeyKind.EcP256 or JwkKeyKind.Ed25519 or JwkKeyKind.X25519 => 32,
        JwkKeyKind.EcP384 => 48,
        JwkKeyKind.EcP521 => 66,
        JwkKeyKind.Ed448 => 57,
        JwkKeyKind.X448 => 56,
        _ => 0,
    };

    /// <summary>The curve's size in bits, as <see cref="Jwk.KeySize"/> reports it.</summary>
    public static int Bits(JwkKeyKind kind) => kind switch
    {
        JwkKeyKind.EcP256 or JwkKeyKind.Ed25519 or JwkKeyKind.X25519 => 256,
        JwkKeyKind.EcP384 => 384,
        JwkKeyKind.EcP521 => 521,
        _ => 448,
    };

    public static bool IsEc(JwkKeyKind kind) => kind is JwkKeyKind.EcP256 or JwkKeyKind.EcP384 or JwkKeyKind.EcP521;

    public static ECCurve ToNamedCurve(JwkKeyKind kind) => kind switch
    {
        JwkKeyKind.EcP256 => ECCurve.NamedCurves.nistP256,
        JwkKeyKind.EcP384 => ECCurve.NamedCurves.nistP384,
        _ => ECCurve.NamedCurves.nistP521,
    };

    /// <summary>
    /// Whether (x, y) satisfies y² = x³ - 3x + b (mod p) with both coordinates below p. BigInteger arithmetic is
    /// measured in the benchmarks against importing the point into <see cref="ECDsa"/>, and is the faster one.
    /// </summary>
    public static bool IsOnCurve(JwkKeyKind kind, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var curve = kind switch
        {
            JwkKeyKind.EcP256 => NistP256,
            JwkKeyKind.EcP384 => NistP384,
            _ => NistP521,
        };

        return curve.Contains(x, y);
    }

    /// <summary>Whether an algorithm's needs (<paramref name="alg"/>) fit a key of <paramref name="kind"/>.</summary>
    public static bool Fits(JwkKeyKind kind, string crv, in JwaAlgorithm alg) => alg.Kind switch
    {
        JwaKind.RsaSignature or JwaKind.RsaEncryption => kind == JwkKeyKind.Rsa,
        JwaKind.EcSignature => IsEc(kind) && alg.Curve == crv,
        JwaKind.EdDsaSignature => kind is JwkKeyKind.Ed25519 or JwkKeyKind.Ed448 && (alg.Curve ?? crv) == crv,
        JwaKind.KeyAgreement => IsEc(kind) || kind is JwkKeyKind.X25519 or JwkKeyKind.X448,
        _ => false,
    };

    private sealed class WeierstrassCurve(string pHex, string bHex)
    {
        private readonly BigInteger _p = BigInteger.Parse("0" + pHex, System.Globalization.NumberStyles.HexNumber);
        private readonly BigInteger _b = BigInteger.Parse("0" + bHex, System.Globalization.NumberStyles.HexNumber);

        public bool Contains(ReadOnlySpan<byte> xBytes, ReadOnlySpan<byte> yBytes)
        {
            var x = new BigInteger(xBytes, isUnsigned: true, isBigEndian: true);
            var y = new BigInteger(yBytes, isUnsigned: true, isBigEndian: true);
            if (x >= _p || y >= _p)
            {
                return false;
            }

            var left = y * y % _p;
            var right = ((x * x % _p * x) - (3 * x) + _b) % _p;
            if (right.Sign < 0)
            {
                right += _p;
            }

            return left == right;
        }
    }
}
