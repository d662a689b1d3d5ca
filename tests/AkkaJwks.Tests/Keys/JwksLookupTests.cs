using System.Security.Cryptography;
using AkkaJwks.Keys;
using static AkkaJwks.Tests.Keys.TestJwks;

namespace AkkaJwks.Tests.Keys;

public class JwksLookupTests
{
    [Fact]
    public void FindSigningKey_RsaKeyAndRs256_Found()
    {
        var jwks = ParseSet(RsaMembers(Rsa, "r"), EcMembers(P256, kid: "e"));

        var result = jwks.FindSigningKey("r", "RS256");

        Assert.Equal(JwkLookupStatus.Found, result.Status);
        Assert.Same(jwks.Keys[0], result.Key);
        Assert.Contains("verifies RS256", result.Message);
    }

    [Fact]
    public void FindSigningKey_RsaKeyAndEs256_AlgorithmMismatch()
    {
        var result = ParseSet(RsaMembers(Rsa, "r")).FindSigningKey("r", "ES256");

        Assert.Equal(JwkLookupStatus.AlgorithmMismatch, result.Status);
        Assert.Null(result.Key);
        Assert.Contains("alg 'ES256' does not fit kid 'r'", result.Message);
    }

    [Fact]
    public void FindSigningKey_JwtAlgDisagreesWithKeyAlg_SaysSo()
    {
        var result = ParseSet(RsaMembers(Rsa, "r").Having("alg", "RS256")).FindSigningKey("r", "PS256");

        Assert.Equal(JwkLookupStatus.AlgorithmMismatch, result.Status);
        Assert.Equal(
            "the JWT's alg 'PS256' disagrees with kid 'r', whose key is published for alg 'RS256'", result.Message);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    public void FindSigningKey_AlgNone_NeverFound(string alg)
    {
        var result = ParseSet(RsaMembers(Rsa, "r")).FindSigningKey("r", alg);

        Assert.Equal(JwkLookupStatus.AlgorithmNone, result.Status);
        Assert.Contains("unsigned", result.Message);
    }

    [Fact]
    public void FindSigningKey_EncryptionKey_NotForSignatures()
    {
        var result = ParseSet(RsaMembers(Rsa, "enc-key").Having("use", "enc")).FindSigningKey("enc-key", "RS256");

        Assert.Equal(JwkLookupStatus.NotForSignatures, result.Status);
        Assert.Contains("kid 'enc-key'", result.Message);
    }

    [Fact]
    public void FindSigningKey_X25519Key_NotForSignatures()
    {
        var jwks = ParseSet(OkpMembers(RandomNumberGenerator.GetBytes(32), "X25519", "x"));

        Assert.Equal(JwkLookupStatus.NotForSignatures, jwks.FindSigningKey("x", "EdDSA").Status);
        Assert.Equal(JwkLookupStatus.NotForSignatures, jwks.FindSigningKey("x", null).Status);
    }

    [Fact]
    public void FindSigningKey_UnknownKid_SaysWhichKidAndWhere()
    {
        var result = ParseSet(RsaMembers(Rsa, "r")).FindSigningKey("missing", "RS256");

        Assert.Equal(JwkLookupStatus.UnknownKid, result.Status);
        Assert.Equal("no key with kid 'missing' in test", result.Message);
    }

    [Fact]
    public void FindSigningKey_DifferentKeysUnderOneKid_ChosenByAlg()
    {
        var jwks = ParseSet(RsaMembers(Rsa, "shared"), EcMembers(P256, kid: "shared"));

        Assert.Equal(2, jwks.Keys.Length);
        Assert.Equal("RSA", jwks.FindSigningKey("shared", "RS256").Key!.Kty);
        Assert.Equal("EC", jwks.FindSigningKey("shared", "ES256").Key!.Kty);
        Assert.Equal(JwkLookupStatus.Ambiguous, jwks.FindSigningKey("shared", null).Status);
    }

    [Fact]
    public void FindSigningKey_DifferentKeysUnderOneKid_ChosenByUse()
    {
        var jwks = ParseSet(RsaMembers(Rsa, "shared").Having("use", "enc"), RsaMembers(Rsa2, "shared"));

        var result = jwks.FindSigningKey("shared", "RS256");

        Assert.Same(jwks.Keys[1], result.Key);
    }

    [Fact]
    public void FindSigningKey_TwoRsaKeysUnderOneKid_Ambiguous()
    {
        var jwks = ParseSet(RsaMembers(Rsa, "shared"), RsaMembers(Rsa2, "shared"));

        var result = jwks.FindSigningKey("shared", "RS256");

        Assert.Equal(JwkLookupStatus.Ambiguous, result.Status);
        Assert.Contains("2 different keys under kid 'shared'", result.Message);
        Assert.False(jwks.TryGetSigningKey("shared", "RS256", out _));
    }

    [Fact]
    public void Parse_IdenticalKeysUnderOneKid_CollapseToTheFirst()
    {
        var jwks = ParseSet(RsaMembers(Rsa, "same").Having("use", "sig"), RsaMembers(Rsa, "same"));

        var key = Assert.Single(jwks.Keys);

        Assert.Equal("sig", key.Use);
        Assert.Empty(jwks.Refused);
        Assert.Equal(JwkLookupStatus.Found, jwks.FindSigningKey("same", "RS256").Status);
    }

    [Fact]
    public void FindSigningKey_NoKidAndOneFittingKey_Found()
    {
        var jwks = ParseSet(RsaMembers(Rsa, kid: null), EcMembers(P256, kid: null));

        Assert.Equal("EC", jwks.FindSigningKey(null, "ES256").Key!.Kty);
        Assert.Equal(JwkLookupStatus.Ambiguous, jwks.FindSigningKey(null, null).Status);
        Assert.Equal(JwkLookupStatus.UnknownKid, jwks.FindSigningKey(null, "ES384").Status);
    }

    [Fact]
    public void TryGetKey_DifferentKeysUnderOneKid_GivesTheFirst()
    {
        var jwks = ParseSet(RsaMembers(Rsa, "shared"), EcMembers(P256, kid: "shared"));

        Assert.True(jwks.TryGetKey("shared", out var key));

        Assert.Same(jwks.Keys[0], key);
        Assert.False(jwks.TryGetKey("nope", out _));
    }

    [Fact]
    public void FindSigningKey_FoundPath_AllocatesNothing()
    {
        var jwks = ParseSet(
            RsaMembers(Rsa, "r"), EcMembers(P256, kid: "e"), RsaMembers(Rsa2, "s").Having("use", "enc"));
        jwks.FindSigningKey("r", "RS256");
        jwks.TryGetKey("e", out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            jwks.TryGetSigningKey("r", "RS256", out _);
            jwks.FindSigningKey("e", "ES256");
            jwks.TryGetKey("e", out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void WithOrigin_SharesKeysAndIndex()
    {
        var jwks = ParseSet(RsaMembers(Rsa, "r"));
        var at = DateTimeOffset.UnixEpoch.AddDays(1);

        var copy = jwks.WithOrigin("https://other", at, "\"v2\"", at);

        Assert.True(copy.Keys == jwks.Keys);
        Assert.Equal(("https://other", at, "\"v2\"", (DateTimeOffset?)at), (copy.Source, copy.FetchedAt, copy.ETag,
            copy.LastModified));
        Assert.True(copy.TryGetKey("r", out var key));
        Assert.Same(jwks.Keys[0], key);
    }

    [Fact]
    public void HasSameKeysAs_ComparesKidsAndThumbprintsNotOrder()
    {
        var a = ParseSet(RsaMembers(Rsa, "1"), EcMembers(P256, kid: "2"));
        var reordered = ParseSet(EcMembers(P256, kid: "2"), RsaMembers(Rsa, "1"));
        var rotated = ParseSet(RsaMembers(Rsa, "1"), RsaMembers(Rsa2, "3"));

        Assert.True(a.HasSameKeysAs(reordered));
        Assert.False(a.HasSameKeysAs(rotated));
        Assert.Equal(["3"], rotated.KeysNotIn(a).Select(k => k.Kid));
        Assert.Equal(["2"], a.KeysNotIn(rotated).Select(k => k.Kid));
    }

    [Fact]
    public void HasSameKeysAs_SameKidNewKey_IsAChange()
    {
        var before = ParseSet(RsaMembers(Rsa, "1"));
        var after = ParseSet(RsaMembers(Rsa2, "1"));

        Assert.False(before.HasSameKeysAs(after));
        Assert.Single(after.KeysNotIn(before));
    }
}
