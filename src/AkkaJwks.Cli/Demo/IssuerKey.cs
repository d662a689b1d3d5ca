using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace AkkaJwks.Cli.Demo;

/// <summary>
/// One signing key of the demo issuer: an RSA 2048 key for RS256 or a P-256 key for ES256, its kid, and
/// its public half as a JWK. The private half never leaves this object.
/// </summary>
internal sealed class IssuerKey : IDisposable
{
    private readonly RSA? _rsa;
    private readonly ECDsa? _ec;

    private IssuerKey(string kid, string alg, RSA? rsa, ECDsa? ec)
    {
        Kid = kid;
        Alg = alg;
        _rsa = rsa;
        _ec = ec;
    }

    /// <summary>The key id the issuer publishes and puts in token headers.</summary>
    public string Kid { get; }

    /// <summary>The JWS algorithm: <c>RS256</c> or <c>ES256</c>.</summary>
    public string Alg { get; }

    /// <summary>A new RSA 2048 key for RS256.</summary>
    public static IssuerKey NewRsa(string kid) => new(kid, "RS256", RSA.Create(2048), null);

    /// <summary>A new P-256 key for ES256.</summary>
    public static IssuerKey NewEc(string kid) => new(kid, "ES256", null, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Signs <paramref name="data"/> the way JWS wants it (PKCS#1 v1.5, or ECDSA as r||s).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) =>
        _rsa is not null
            ? _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : _ec!.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>Writes the public key as a JWK object.</summary>
    public void WritePublicJwk(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("kid", Kid);
        json.WriteString("use", "sig");
        json.WriteString("alg", Alg);
        if (_rsa is not null)
        {
            var parameters = _rsa.ExportParameters(includePrivateParameters: false);
            json.WriteString("kty", "RSA");
            json.WriteString("n", Base64Url.EncodeToString(parameters.Modulus));
            json.WriteString("e", Base64Url.EncodeToString(parameters.Exponent));
        }
        else
        {
            var parameters = _ec!.ExportParameters(includePrivateParameters: false);
            json.WriteString("kty", "EC");
            json.WriteString("crv", "P-256");
            json.WriteString("x", Base64Url.EncodeToString(parameters.Q.X));
            json.WriteString("y", Base64Url.EncodeToString(parameters.Q.Y));
        }

        json.WriteEndObject();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _rsa?.Dispose();
        _ec?.Dispose();
    }
}
