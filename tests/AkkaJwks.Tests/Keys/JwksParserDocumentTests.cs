using System.Text;
using AkkaJwks.Keys;
using static AkkaJwks.Tests.Keys.TestJwks;

namespace AkkaJwks.Tests.Keys;

public class JwksParserDocumentTests
{
    [Theory]
    [InlineData("", "is empty; a JWKS object is expected")]
    [InlineData(" \r\n\t", "is empty; a JWKS object is expected")]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "is not well-formed JSON")]
    [InlineData("{\"keys\":[", "is not well-formed JSON")]
    [InlineData("{\"keys\":[]} trailing", "is not well-formed JSON")]
    [InlineData("{\"keys\":[],}", "is not well-formed JSON")]
    public void Parse_NotJson_RefusesDocument(string json, string message)
    {
        var result = Parse(json);

        Assert.Equal(JwksDocumentErrorKind.NotJson, result.Error!.Kind);
        Assert.Contains(message, result.Error.Message);
        Assert.Contains("test", result.Error.Message);
    }

    [Fact]
    public void Parse_InvalidUtf8_RefusedAsNotJson()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"keys\":[{\"kid\":\"xx\"}]}");
        bytes[12] = 0xC3;

        var result = JwksParser.Parse(bytes, "latin1", DateTimeOffset.UnixEpoch, 10);

        Assert.Equal(JwksDocumentErrorKind.NotJson, result.Error!.Kind);
        Assert.Contains("is not valid UTF-8", result.Error.Message);
    }

    [Theory]
    [InlineData("kid")]
    [InlineData("x5t")]
    [InlineData("issuer")]
    public void Parse_EscapedLoneSurrogate_RefusesKey(string member)
    {
        var json = Set(RsaMembers(Rsa).Having(member, "PLACEHOLDER")).Replace("PLACEHOLDER", "a\\ud800b");

        var jwks = Parse(json).Jwks!;

        Assert.Contains($"member '{member}' holds an escaped lone surrogate", Assert.Single(jwks.Refused).Reason);
    }

    [Fact]
    public void Parse_LoneSurrogateUnderAForgingMemberName_ShowsTheNameEscapedAndCut()
    {
        // JSON escapes: the name holds a real ESC and a real line break once read.
        var name = "x\\u001b[2J\\nFORGED " + new string('a', 500);
        var json = Set(RsaMembers(Rsa).Having("PLACEHOLDER", "a"))
            .Replace("\"PLACEHOLDER\":\"a\"", $"\"{name}\":\"\\ud800\"");

        var reason = Assert.Single(Parse(json).Jwks!.Refused).Reason;

        Assert.Contains(
            "member 'x\\u001b[2J\\u000aFORGED aaaaaaaaaaa... (513 characters, cut)' holds an escaped lone", reason);
        Assert.DoesNotContain(reason, char.IsControl);
    }

    [Theory]
    [InlineData("[]", "is an array, not an object")]
    [InlineData("\"keys\"", "is a string, not an object")]
    [InlineData("null", "is null, not an object")]
    public void Parse_NotAnObject_RefusesDocument(string json, string message)
    {
        var result = Parse(json);

        Assert.Equal(JwksDocumentErrorKind.NotAnObject, result.Error!.Kind);
        Assert.Contains(message, result.Error.Message);
    }

    [Theory]
    [InlineData("{}", "has no 'keys' array")]
    [InlineData("{\"keys\":{}}", "has a 'keys' member that is an object; an array of JWKs is expected")]
    [InlineData("{\"keys\":[],\"keys\":[]}", "has two 'keys' members")]
    [InlineData("{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}", "it looks like a single JWK")]
    [InlineData("{\"issuer\":\"https://a\",\"jwks_uri\":\"https://a/keys\"}", "use the URL in its 'jwks_uri'")]
    public void Parse_NoKeysArray_RefusesDocumentAndSaysWhatItIs(string json, string message)
    {
        var result = Parse(json);

        Assert.Equal(JwksDocumentErrorKind.NoKeysArray, result.Error!.Kind);
        Assert.Contains(message, result.Error.Message);
    }

    [Fact]
    public void Parse_MapOfPemCertificates_RefusedAsCertificateMap()
    {
        var json = "{\"a\":\"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n\","
            + "\"b\":\"-----BEGIN CERTIFICATE-----\\nMIIC\\n-----END CERTIFICATE-----\\n\"}";

        var result = Parse(json);

        Assert.Equal(JwksDocumentErrorKind.CertificateMap, result.Error!.Kind);
        Assert.Contains("is a certificate map", result.Error.Message);
        Assert.Contains("not a JWKS", result.Error.Message);
    }

    [Fact]
    public void Parse_MoreKeysThanMaxKeys_RefusesDocument()
    {
        var result = Parse(Set(RsaMembers(Rsa, "a"), RsaMembers(Rsa, "b"), RsaMembers(Rsa, "c")), maxKeys: 2);

        Assert.Equal(JwksDocumentErrorKind.TooManyKeys, result.Error!.Kind);
        Assert.Contains("more than 2 keys", result.Error.Message);
        Assert.Contains("max-keys", result.Error.Message);
    }

    [Fact]
    public void Parse_ExactlyMaxKeys_Accepted()
    {
        var result = Parse(Set(RsaMembers(Rsa, "a"), RsaMembers(Rsa, "b")), maxKeys: 2);

        Assert.Equal(2, result.Jwks!.Keys.Length);
    }

    [Fact]
    public void Parse_ByteOrderMark_Allowed()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Set(RsaMembers(Rsa)))).ToArray();

        var result = JwksParser.Parse(bytes, "bom", DateTimeOffset.UnixEpoch, 10);

        Assert.Single(result.Jwks!.Keys);
    }

    [Fact]
    public void Parse_EmptyKeysArray_IsAJwksWithNoKeys()
    {
        var result = Parse("{\"keys\":[]}");

        Assert.True(result.IsJwks);
        Assert.Empty(result.Jwks.Keys);
        Assert.Empty(result.Jwks.Refused);
    }

    [Fact]
    public void Parse_KeepsSourceAndFetchTime()
    {
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var jwks = JwksParser.Parse(Encoding.UTF8.GetBytes("{\"keys\":[]}"), "https://idp/keys", at, 10).Jwks!;

        Assert.Equal("https://idp/keys", jwks.Source);
        Assert.Equal(at, jwks.FetchedAt);
        Assert.Null(jwks.ETag);
        Assert.Null(jwks.LastModified);
    }

    [Fact]
    public void Parse_RefusedKeyAmongGoodOnes_KeepsTheRestInDocumentOrder()
    {
        var jwks = ParseSet(
            RsaMembers(Rsa, "first"), RsaMembers(Rsa, "private").Having("d", "AQAB"), EcMembers(P256, kid: "third"));

        Assert.Equal(["first", "third"], jwks.Keys.Select(k => k.Kid));
        Assert.Equal(1, Assert.Single(jwks.Refused).Index);
        Assert.Equal("private", jwks.Refused[0].Kid);
    }

    [Fact]
    public void Parse_RefusalReasons_NeverQuoteKeyMaterial()
    {
        var members = RsaMembers(Rsa).Having("d", "AQAB");
        var n = (string)members["n"]!;

        var reasons = ParseSet(members, members.Having("n", n[..40]), members.Without("d").Having("e", "BA")).Refused;

        Assert.All(reasons, r => Assert.DoesNotContain(n[..20], r.Reason));
    }
}
