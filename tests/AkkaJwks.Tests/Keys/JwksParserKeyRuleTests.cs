using System.Security.Cryptography;
using AkkaJwks.Keys;
using static AkkaJwks.Tests.Keys.TestJwks;

namespace AkkaJwks.Tests.Keys;

public class JwksParserKeyRuleTests
{
    [Theory]
    [InlineData("\"a string\"", "is a string, not an object")]
    [InlineData("42", "is a number, not an object")]
    [InlineData("[]", "is an array, not an object")]
    public void Parse_KeyNotAnObject_RefusesThatKeyOnly(string key, string reason)
    {
        var json = $"{{\"keys\":[{key},{Set(RsaMembers(Rsa))[9..^2]}]}}";

        var jwks = Parse(json).Jwks!;

        Assert.Contains(reason, Assert.Single(jwks.Refused).Reason);
        Assert.Equal(0, jwks.Refused[0].Index);
        Assert.Equal("rsa-1", Assert.Single(jwks.Keys).Kid);
    }

    [Fact]
    public void Parse_NoKty_RefusesKey() =>
        Assert.Contains("has no 'kty' member", Refuse(RsaMembers(Rsa).Without("kty")));

    [Fact]
    public void Parse_KidNotAString_RefusesKeyWithoutKid()
    {
        var jwks = ParseSet(RsaMembers(Rsa).Having("kid", 7));

        Assert.Contains("member 'kid' is a number; a string is expected", jwks.Refused[0].Reason);
        Assert.Null(jwks.Refused[0].Kid);
    }

    [Fact]
    public void Parse_SymmetricKey_Refused() =>
        Assert.Contains("symmetric key (kty 'oct')", Refuse(new Dictionary<string, object?>
        {
            ["kty"] = "oct", ["k"] = "c2VjcmV0", ["kid"] = "hs",
        }));

    [Fact]
    public void Parse_UnknownKty_Refused() =>
        Assert.Contains("kty 'DSA' is not a supported key type", Refuse(RsaMembers(Rsa).Having("kty", "DSA")));

    [Theory]
    [InlineData("d")]
    [InlineData("p")]
    [InlineData("q")]
    [InlineData("dp")]
    [InlineData("dq")]
    [InlineData("qi")]
    [InlineData("oth")]
    public void Parse_RsaPrivateMember_RefusesWholeKey(string member)
    {
        var reason = Refuse(RsaMembers(Rsa).Having(member, "AQAB"));

        Assert.Equal($"carries private member '{member}': a published private key is compromised, so the key is "
            + "refused", reason);
    }

    [Fact]
    public void Parse_EcPrivateMember_Refused() =>
        Assert.Contains("private member 'd'", Refuse(EcMembers(P256).Having("d", "AQAB")));

    [Fact]
    public void Parse_OkpPrivateMember_Refused() =>
        Assert.Contains("private member 'd'", Refuse(Ed25519Members(NewEd25519()).Having("d", "AQAB")));

    [Theory]
    [InlineData("EC", "alg 'EC' is not a registered JWS or JWE algorithm")]
    [InlineData("none", "alg 'none' marks unsigned content")]
    [InlineData("ES256", "alg 'ES256' does not fit an RSA key; it needs an EC key on P-256")]
    [InlineData("EdDSA", "alg 'EdDSA' does not fit an RSA key")]
    [InlineData("HS256", "it needs a symmetric key (kty 'oct')")]
    [InlineData("ECDH-ES", "alg 'ECDH-ES' does not fit an RSA key")]
    public void Parse_RsaKeyWithAlgThatDoesNotFit_Refused(string alg, string reason) =>
        Assert.Contains(reason, Refuse(RsaMembers(Rsa).Having("alg", alg)));

    [Theory]
    [InlineData("RS256")]
    [InlineData("PS512")]
    [InlineData("RSA-OAEP-256")]
    [InlineData("RSA1_5")]
    public void Parse_RsaKeyWithFittingAlg_Accepted(string alg) =>
        Assert.Equal(alg, Accept(RsaMembers(Rsa).Having("alg", alg)).Alg);

    [Theory]
    [InlineData("ES384", "does not fit an EC key on P-256; it needs an EC key on P-384")]
    [InlineData("RS256", "does not fit an EC key on P-256; it needs an RSA key")]
    [InlineData("EdDSA", "does not fit an EC key on P-256")]
    public void Parse_EcKeyWithAlgThatDoesNotFit_Refused(string alg, string reason) =>
        Assert.Contains(reason, Refuse(EcMembers(P256).Having("alg", alg)));

    [Fact]
    public void Parse_OkpKeyWithEcAlg_Refused() =>
        Assert.Contains(
            "does not fit an OKP key on Ed25519", Refuse(Ed25519Members(NewEd25519()).Having("alg", "ES256")));

    [Fact]
    public void Parse_Rsa1024_Refused()
    {
        using var weak = RSA.Create(1024);

        Assert.Equal("RSA modulus 'n' is 1024 bits; at least 2048 are required", Refuse(RsaMembers(weak)));
    }

    [Theory]
    [InlineData("BA", "RSA exponent 'e' is even")]
    [InlineData("AQ", "RSA exponent 'e' is below 3")]
    [InlineData("AAAB", "RSA exponent 'e' is below 3")]
    public void Parse_RsaBadExponent_Refused(string e, string reason) =>
        Assert.Contains(reason, Refuse(RsaMembers(Rsa).Having("e", e)));

    [Theory]
    [InlineData("n")]
    [InlineData("e")]
    public void Parse_RsaMemberMissing_Refused(string member) =>
        Assert.Contains($"RSA key has no '{member}' member", Refuse(RsaMembers(Rsa).Without(member)));

    [Fact]
    public void Parse_MemberThatDoesNotDecode_Refused() =>
        Assert.Contains("member 'n' does not decode as base64url", Refuse(RsaMembers(Rsa).Having("n", "not*base64!")));

    [Fact]
    public void Parse_MemberOfWrongType_Refused() =>
        Assert.Contains("member 'n' is a number; a string is expected", Refuse(RsaMembers(Rsa).Having("n", 12)));

    [Fact]
    public void Parse_MemberTwice_Refused()
    {
        var members = Set(RsaMembers(Rsa));
        var twice = members.Replace("\"kty\":\"RSA\"", "\"kty\":\"RSA\",\"kty\":\"RSA\"");

        Assert.Contains("member 'kty' appears twice", Assert.Single(Parse(twice).Jwks!.Refused).Reason);
    }

    [Theory]
    [InlineData("\"kty\":\"RSA\"", "\"kty\":\"RSA\",\"k\\u0074y\":\"oct\"", "kty")]
    [InlineData("\"kty\":\"RSA\"", "\"kty\":\"RSA\",\"n\":\"AQAB\"", "n")]
    [InlineData("\"kty\":\"RSA\"", "\"kty\":\"RSA\",\"kid\":\"other\"", "kid")]
    public void Parse_MemberTwiceWithAnotherValue_RefusedRatherThanChoosingOne(string find, string replace, string name)
    {
        // Whichever copy a reader kept, another reader of the same document could keep the other.
        var twice = Set(RsaMembers(Rsa)).Replace(find, replace);

        Assert.Contains($"member '{name}' appears twice", Assert.Single(Parse(twice).Jwks!.Refused).Reason);
    }

    [Fact]
    public void Parse_NestedDeeperThanTheReaderAllows_RefusedAsNotJson()
    {
        var deep = $"{{\"keys\":[{{\"x-deep\":{new string('[', 1000)}{new string(']', 1000)}}}]}}";

        var result = Parse(deep);

        Assert.Equal(JwksDocumentErrorKind.NotJson, result.Error!.Kind);
        Assert.Contains("depth", result.Error.Message);
    }

    [Fact]
    public void Parse_EcUnsupportedCurve_Refused() =>
        Assert.Contains("crv 'secp256k1' is not supported for EC keys; P-256, P-384 or P-521 is expected",
            Refuse(EcMembers(P256).Having("crv", "secp256k1")));

    [Fact]
    public void Parse_EcMissingCrv_Refused() =>
        Assert.Contains("EC key has no 'crv' member", Refuse(EcMembers(P256).Without("crv")));

    [Fact]
    public void Parse_EcCoordinateOfWrongLength_Refused()
    {
        var x = P256.ExportParameters(false).Q.X!;

        var reason = Refuse(EcMembers(P256).Having("x", B64(x[1..])));

        Assert.Contains("member 'x' is 31 bytes; P-256 needs exactly 32", reason);
    }

    [Fact]
    public void Parse_EcPointNotOnCurve_Refused()
    {
        var y = P256.ExportParameters(false).Q.Y!;
        y[^1] ^= 1;

        Assert.Contains("is not on curve P-256", Refuse(EcMembers(P256).Having("y", B64(y))));
    }

    [Theory]
    [InlineData("P-384")]
    [InlineData("P-521")]
    public void Parse_EcOtherNistCurves_Accepted(string crv)
    {
        using var ec = ECDsa.Create(crv == "P-384" ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP521);

        var key = Accept(EcMembers(ec, crv));

        Assert.Equal(crv == "P-384" ? 384 : 521, key.KeySize);
    }

    [Fact]
    public void Parse_OkpUnsupportedCurve_Refused() =>
        Assert.Contains(
            "crv 'Ed2' is not supported for OKP keys", Refuse(Ed25519Members(NewEd25519()).Having("crv", "Ed2")));

    [Fact]
    public void Parse_OkpWrongLength_Refused() =>
        Assert.Contains("member 'x' is 31 bytes; Ed25519 needs exactly 32", Refuse(OkpMembers(new byte[31])));

    [Theory]
    [InlineData("use", "sig")]
    [InlineData("key_ops", "verify")]
    public void Parse_X25519MarkedForSignatures_Refused(string member, string value)
    {
        object? marking = member == "key_ops" ? new[] { value } : value;

        var reason = Refuse(OkpMembers(RandomNumberGenerator.GetBytes(32), "X25519").Having(member, marking));

        Assert.Contains("crv 'X25519' is a key-agreement curve, but the key is marked for signatures", reason);
    }

    [Fact]
    public void Parse_X25519ForKeyAgreement_AcceptedButNotForSignatures()
    {
        var key = Accept(OkpMembers(RandomNumberGenerator.GetBytes(32), "X25519").Having("alg", "ECDH-ES"));

        Assert.False(key.IsSigningKey);
    }

    [Fact]
    public void Parse_Ed448_Accepted()
    {
        var ed448 = new Org.BouncyCastle.Crypto.Parameters.Ed448PrivateKeyParameters(
            new Org.BouncyCastle.Security.SecureRandom());

        var key = Accept(OkpMembers(ed448.GeneratePublicKey().GetEncoded(), "Ed448"));

        Assert.Equal(448, key.KeySize);
    }

    [Fact]
    public void Parse_Ed25519KeyThatIsNotACurvePoint_Refused()
    {
        // The little-endian encoding of p itself: a y coordinate that is not reduced, so no point has it.
        byte[] notAPoint = [0xED, .. Enumerable.Repeat((byte)0xFF, 30), 0x7F];

        Assert.Contains("member 'x' is not a point of Ed25519", Refuse(OkpMembers(notAPoint)));
    }
}
