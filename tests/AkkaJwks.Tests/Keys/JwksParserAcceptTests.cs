using System.Security.Cryptography;
using static AkkaJwks.Tests.Keys.TestJwks;

namespace AkkaJwks.Tests.Keys;

public class JwksParserAcceptTests
{
    [Fact]
    public void Parse_StandardBase64WithPadding_AcceptedAsTheSameKey()
    {
        var p = Rsa.ExportParameters(false);
        var canonical = Accept(RsaMembers(Rsa));

        var standard = Accept(RsaMembers(Rsa).Having("n", Convert.ToBase64String(p.Modulus!)).Having("e", "AQAB"));

        Assert.Equal(canonical.Thumbprint, standard.Thumbprint);
        Assert.Equal(p.Modulus, standard.N.ToArray());
    }

    [Fact]
    public void Parse_EscapedSlashesInStandardBase64_Accepted()
    {
        var n = Convert.ToBase64String(Rsa.ExportParameters(false).Modulus!);
        var json = Set(RsaMembers(Rsa).Having("n", "N-PLACEHOLDER")).Replace("N-PLACEHOLDER", n.Replace("/", "\\/"));

        var jwks = Parse(json).Jwks!;

        Assert.Equal(Accept(RsaMembers(Rsa)).Thumbprint, Assert.Single(jwks.Keys).Thumbprint);
    }

    [Fact]
    public void Parse_LeadingZeroInModulus_AcceptedWithCanonicalSizeAndThumbprint()
    {
        var modulus = Rsa.ExportParameters(false).Modulus!;

        var key = Accept(RsaMembers(Rsa).Having("n", B64([0, .. modulus])));

        Assert.Equal(2048, key.KeySize);
        Assert.Equal(Accept(RsaMembers(Rsa)).Thumbprint, key.Thumbprint);
        Assert.Equal(modulus, key.N.ToArray());
    }

    [Fact]
    public void Parse_KeyWithoutKidUseOrAlg_Accepted()
    {
        var key = Accept(RsaMembers(Rsa, kid: null));

        Assert.Null(key.Kid);
        Assert.Null(key.Use);
        Assert.Null(key.Alg);
        Assert.True(key.IsSigningKey);
    }

    [Fact]
    public void Parse_UnknownMembers_KeptAsRawJson()
    {
        var members = RsaMembers(Rsa)
            .Having("issuer", "https://login.example/{tenantid}/v2.0")
            .Having("acr", new[] { "a", "b" })
            .Having("meta", new Dictionary<string, int> { ["n"] = 1 });

        var key = Accept(members);

        Assert.Equal("\"https://login.example/{tenantid}/v2.0\"", key.OtherMembers["issuer"]);
        Assert.Equal("[\"a\",\"b\"]", key.OtherMembers["acr"]);
        Assert.Equal("{\"n\":1}", key.OtherMembers["meta"]);
        Assert.Equal(3, key.OtherMembers.Count);
    }

    [Fact]
    public void Parse_X5cOfTheSameKey_AcceptedAndKept()
    {
        var now = DateTimeOffset.UtcNow;
        var certificate = SelfSignedCertificate(Rsa, now.AddDays(-1), now.AddDays(1));

        var key = Accept(RsaMembers(Rsa).Having("x5c", new[] { certificate }).Having("x5t", "bm90LWEtaGFzaA"));

        Assert.Equal(certificate, Assert.Single(key.X5c!));
        Assert.Equal("bm90LWEtaGFzaA", key.X5t);
        Assert.Null(key.X5tS256);
    }

    [Fact]
    public void Parse_ExpiredX5c_Accepted()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = SelfSignedCertificate(Rsa, now.AddYears(-3), now.AddYears(-2));

        Assert.NotNull(Accept(RsaMembers(Rsa).Having("x5c", new[] { expired })).X5c);
    }

    [Fact]
    public void Parse_X5cOfAnotherKey_Refused()
    {
        var other = SelfSignedCertificate(Rsa2, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        var reason = Refuse(RsaMembers(Rsa).Having("x5c", new[] { other }));

        Assert.Contains("member 'x5c' has a first certificate whose public key is not the key", reason);
    }

    [Theory]
    [InlineData("not base64 at all!", "is not base64")]
    [InlineData("AAECAwQF", "is not a DER X.509 certificate")]
    public void Parse_X5cThatIsNotACertificate_Refused(string certificate, string reason) =>
        Assert.Contains(reason, Refuse(RsaMembers(Rsa).Having("x5c", new[] { certificate })));

    [Fact]
    public void Parse_EmptyX5c_Refused() =>
        Assert.Contains("'x5c' is an empty array", Refuse(RsaMembers(Rsa).Having("x5c", Array.Empty<string>())));

    [Fact]
    public void Parse_EcX5cForRsaKey_Refused()
    {
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=ec", P256, HashAlgorithmName.SHA256);
        using var ec = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        var reason = Refuse(RsaMembers(Rsa).Having("x5c", new[] { Convert.ToBase64String(ec.RawData) }));

        Assert.Contains("is not the key in the other members", reason);
    }

    [Fact]
    public void Parse_EcX5cOfTheSameKey_Accepted()
    {
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=ec", P256, HashAlgorithmName.SHA256);
        using var ec = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        Assert.NotNull(Accept(EcMembers(P256).Having("x5c", new[] { Convert.ToBase64String(ec.RawData) })).X5c);
    }

    [Fact]
    public void Parse_SameKeyUnderTwoKids_BothKept()
    {
        var jwks = ParseSet(RsaMembers(Rsa, "a"), RsaMembers(Rsa, "b"));

        Assert.Equal(["a", "b"], jwks.Keys.Select(k => k.Kid));
        Assert.Equal(jwks.Keys[0].Thumbprint, jwks.Keys[1].Thumbprint);
    }

    [Fact]
    public void Parse_EncryptionKey_KeptButNotForSignatures()
    {
        var key = Accept(RsaMembers(Rsa).Having("use", "enc").Having("alg", "RSA-OAEP"));

        Assert.False(key.IsSigningKey);
        Assert.False(key.CanVerify("RS256"));
    }

    [Fact]
    public void Parse_KeyOpsWithoutVerify_NotASigningKey()
    {
        var key = Accept(RsaMembers(Rsa).Having("key_ops", new[] { "encrypt" }));

        Assert.False(key.IsSigningKey);
        Assert.Equal(["encrypt"], key.KeyOps!);
    }

    [Fact]
    public void Parse_KeyOpsNotAnArray_Refused() =>
        Assert.Contains("member 'key_ops' is a string; an array of strings is expected",
            Refuse(RsaMembers(Rsa).Having("key_ops", "verify")));

    [Fact]
    public void Parse_AcceptedKey_ToStringShowsNoKeyMaterial()
    {
        var key = Accept(RsaMembers(Rsa));

        var text = key.ToString();

        Assert.Contains("rsa-1", text);
        Assert.Contains(key.Thumbprint, text);
        Assert.DoesNotContain(B64(key.N.Span)[..16], text);
    }
}
