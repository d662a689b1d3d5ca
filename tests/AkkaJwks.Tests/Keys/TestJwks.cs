using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using AkkaJwks.Keys;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace AkkaJwks.Tests.Keys;

/// <summary>Keys generated once per test run, and JWK members and documents built from them.</summary>
internal static class TestJwks
{
    private static readonly Lazy<RSA> SharedRsa = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> OtherRsa = new(() => RSA.Create(2048));
    private static readonly Lazy<ECDsa> SharedP256 = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public static RSA Rsa => SharedRsa.Value;

    public static RSA Rsa2 => OtherRsa.Value;

    public static ECDsa P256 => SharedP256.Value;

    public static string B64(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    public static Dictionary<string, object?> RsaMembers(RSA rsa, string? kid = "rsa-1")
    {
        var p = rsa.ExportParameters(false);
        return WithKid(kid, new() { ["kty"] = "RSA", ["n"] = B64(p.Modulus), ["e"] = B64(p.Exponent) });
    }

    public static Dictionary<string, object?> EcMembers(ECDsa ec, string crv = "P-256", string? kid = "ec-1")
    {
        var p = ec.ExportParameters(false);
        return WithKid(kid, new() { ["kty"] = "EC", ["crv"] = crv, ["x"] = B64(p.Q.X), ["y"] = B64(p.Q.Y) });
    }

    public static Ed25519PrivateKeyParameters NewEd25519() => new(new SecureRandom());

    public static Dictionary<string, object?> OkpMembers(byte[] x, string crv = "Ed25519", string? kid = "okp-1") =>
        WithKid(kid, new() { ["kty"] = "OKP", ["crv"] = crv, ["x"] = B64(x) });

    public static Dictionary<string, object?> Ed25519Members(Ed25519PrivateKeyParameters key, string? kid = "ed-1") =>
        OkpMembers(key.GeneratePublicKey().GetEncoded(), "Ed25519", kid);

    public static string SelfSignedCertificate(RSA rsa, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var request = new CertificateRequest(
            "CN=akka-jwks test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return Convert.ToBase64String(certificate.RawData);
    }

    public static string Set(params object[] keys) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["keys"] = keys });

    public static JwksParseResult Parse(string json, int maxKeys = 500) =>
        JwksParser.Parse(Encoding.UTF8.GetBytes(json), "test", DateTimeOffset.UnixEpoch, maxKeys);

    public static Jwks ParseSet(params object[] keys)
    {
        var result = Parse(Set(keys));
        Assert.True(result.IsJwks, result.Error?.Message);
        return result.Jwks;
    }

    /// <summary>The one key of a one-key document, which must be accepted.</summary>
    public static Jwk Accept(Dictionary<string, object?> members)
    {
        var jwks = ParseSet(members);
        Assert.True(jwks.Refused.IsEmpty, jwks.Refused.IsEmpty ? "" : jwks.Refused[0].Reason);
        return Assert.Single(jwks.Keys);
    }

    /// <summary>The reason the one key of a one-key document was refused.</summary>
    public static string Refuse(object members)
    {
        var jwks = ParseSet(members);
        Assert.Empty(jwks.Keys);
        return Assert.Single(jwks.Refused).Reason;
    }

    public static Dictionary<string, object?> Having(
        this Dictionary<string, object?> members, string name, object? value)
    {
        var copy = new Dictionary<string, object?>(members) { [name] = value };
        return copy;
    }

    public static Dictionary<string, object?> Without(this Dictionary<string, object?> members, string name)
    {
        var copy = new Dictionary<string, object?>(members);
        copy.Remove(name);
        return copy;
    }

    private static Dictionary<string, object?> WithKid(string? kid, Dictionary<string, object?> members)
    {
        if (kid is not null)
        {
            members["kid"] = kid;
        }

        return members;
    }
}
