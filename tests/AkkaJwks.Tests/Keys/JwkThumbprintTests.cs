using System.Text;
using AkkaJwks.Keys;
using static AkkaJwks.Tests.Keys.TestJwks;

namespace AkkaJwks.Tests.Keys;

public class JwkThumbprintTests
{
    /// <summary>The modulus of the example key of RFC 7638 section 3.1 (a public RFC example).</summary>
    private const string Rfc7638N =
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRX"
        + "jBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqz"
        + "s8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-"
        + "G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

    /// <summary>The example key of RFC 7638 section 3.1, members as the RFC prints them.</summary>
    private const string Rfc7638Section31Key =
        $$"""{"kty":"RSA","n":"{{Rfc7638N}}","e":"AQAB","alg":"RS256","kid":"2011-04-29"}""";

    /// <summary>The Ed25519 public key of RFC 8037 appendix A.2, whose thumbprint appendix A.3 gives.</summary>
    private const string Rfc8037AppendixA2Key = """
        {"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}
        """;

    [Fact]
    public void Thumbprint_Rfc7638Section31Key_IsTheRfcValue()
    {
        var result = Parse($"{{\"keys\":[{Rfc7638Section31Key}]}}");

        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", Assert.Single(result.Jwks!.Keys).Thumbprint);
    }

    [Fact]
    public void Thumbprint_Rfc8037Ed25519Key_IsTheRfcValue()
    {
        var result = Parse($"{{\"keys\":[{Rfc8037AppendixA2Key}]}}");

        Assert.Equal("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", Assert.Single(result.Jwks!.Keys).Thumbprint);
    }

    [Fact]
    public void Thumbprint_Rfc7638KeyInline_IsTheRfcValue()
    {
        var members = new Dictionary<string, object?>
        {
            ["kty"] = "RSA", ["n"] = Rfc7638N, ["e"] = "AQAB", ["kid"] = "x",
        };

        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", Accept(members).Thumbprint);
    }

    [Fact]
    public void Thumbprint_IgnoresMembersOutsideTheRequiredOnes()
    {
        var plain = Accept(EcMembers(P256));

        var decorated = Accept(EcMembers(P256, kid: "other").Having("use", "sig").Having("alg", "ES256"));

        Assert.Equal(plain.Thumbprint, decorated.Thumbprint);
    }

    [Fact]
    public void Thumbprint_DiffersBetweenKeys()
    {
        Assert.NotEqual(Accept(RsaMembers(Rsa)).Thumbprint, Accept(RsaMembers(Rsa2)).Thumbprint);
    }

    [Fact]
    public void Thumbprint_IsSha256OfTheCanonicalJson()
    {
        var key = Accept(EcMembers(P256));
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{B64(key.X.Span)}\",\"y\":\"{B64(key.Y.Span)}\"}}";

        var expected = B64(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

        Assert.Equal(expected, key.Thumbprint);
    }
}
