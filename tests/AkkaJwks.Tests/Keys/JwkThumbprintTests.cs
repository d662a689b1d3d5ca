using System.Text;
using AkkaJwks.Keys;
using AkkaJwks.Tests.Support;
using static AkkaJwks.Tests.Keys.TestJwks;

namespace AkkaJwks.Tests.Keys;

public class JwkThumbprintTests
{
    [SkippableFact]
    public void Thumbprint_Rfc7638Section31Key_IsTheRfcValue()
    {
        var single = File.ReadAllText(Corpus.RequireFile("real/rfc7638-3.1-thumbprint-example-key.json"));

        var result = Parse($"{{\"keys\":[{single}]}}");

        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", Assert.Single(result.Jwks!.Keys).Thumbprint);
    }

    [SkippableFact]
    public void Thumbprint_Rfc8037Ed25519Key_IsTheRfcValue()
    {
        var single = File.ReadAllText(Corpus.RequireFile("real/rfc8037-a2-ed25519-public-key.json"));

        var result = Parse($"{{\"keys\":[{single}]}}");

        Assert.Equal("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", Assert.Single(result.Jwks!.Keys).Thumbprint);
    }

    [Fact]
    public void Thumbprint_Rfc7638KeyInline_IsTheRfcValue()
    {
        const string n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPe"
            + "bWKRX"
            + "jBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqz"
            + "s8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-"
            + "G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        var members = new Dictionary<string, object?> { ["kty"] = "RSA", ["n"] = n, ["e"] = "AQAB", ["kid"] = "x" };

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
