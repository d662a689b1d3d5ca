using AkkaJwks.Keys;

namespace AkkaJwks.Tests.Keys;

public class JwkDisplayTests
{
    [Theory]
    [InlineData("2011-04-29")]
    [InlineData("NjVBRjY5MDlCMUIwNzU4RTA2QzZFMDQ4QzQ2MDAyQjVDNjk1RTM2Qg")]
    [InlineData("key.v1.2024")]
    [InlineData("https://issuer.example/keys/1")]
    public void Safe_OrdinaryKid_ShownAsItIs(string kid)
    {
        var shown = JwkDisplay.Safe(kid);

        Assert.Equal(kid, shown);
    }

    [Theory]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.")]
    [InlineData("eyJhbGciOiJSU0EtT0FFUCJ9.a2V5.aXY.Y2lwaGVy.dGFn")]
    public void Safe_CompactJwt_NotShownOnlyItsLength(string token)
    {
        var shown = JwkDisplay.Safe(token);

        Assert.Equal($"(a value shaped like a JWT, {token.Length} characters, not shown)", shown);
    }

    [Fact]
    public void Safe_LongKid_CutToItsStartWithTheLength()
    {
        var kid = new string('k', 24) + new string('x', 200);

        var shown = JwkDisplay.Safe(kid);

        Assert.Equal($"{new string('k', 24)}... (224 characters, cut)", shown);
    }

    [Fact]
    public void Safe_ControlAndBidiCharacters_Escaped()
    {
        var shown = JwkDisplay.Safe("kid\r\n[ERROR] forged\u202e");

        Assert.Equal("kid\\u000d\\u000a[ERROR] forged\\u202e", shown);
    }

    [Theory]
    [InlineData("RS256", "RS256")]
    [InlineData(null, "(none given)")]
    [InlineData("ECDH-ES+A256KW", "ECDH-ES+A256KW")]
    public void SafeName_RegisteredOrAbsent_ShownAsItIs(string? alg, string expected)
    {
        var shown = JwkDisplay.SafeName(alg, "(none given)");

        Assert.Equal(expected, shown);
    }

    [Fact]
    public void SafeName_LongerThan32_NotShown()
    {
        var alg = new string('A', 43);

        var shown = JwkDisplay.SafeName(alg, "(none given)");

        Assert.Equal("(a value of 43 characters, not shown)", shown);
    }

    [Fact]
    public void FindSigningKey_TokenAsKidAndAlg_MessageNamesNeither()
    {
        var token = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
        var jwks = JwksParser.Parse(AkkaJwks.Tests.Actors.TestDocuments.Jwks("a"), "test", default, 10).Jwks!;

        var unknown = jwks.FindSigningKey(token, "ES256").Message;
        var mismatch = jwks.FindSigningKey("a", token).Message;

        Assert.DoesNotContain(token, unknown);
        Assert.DoesNotContain(token, mismatch);
        Assert.Contains("shaped like a JWT", unknown);
        Assert.Contains("kid 'a'", mismatch);
    }
}
