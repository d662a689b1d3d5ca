using AkkaJwks.Http;

namespace AkkaJwks.Tests.Http;

public class JwksUrlTests
{
    [Theory]
    [InlineData("https://issuer.example/jwks", "https://issuer.example/jwks")]
    [InlineData("https://issuer.example/jwks?access_token=secret123", "https://issuer.example/jwks?…")]
    [InlineData("https://user:secret123@issuer.example:8443/a/jwks", "https://…@issuer.example:8443/a/jwks")]
    [InlineData("http://user:secret123@127.0.0.1:80/x?k=secret123#secret123", "http://…@127.0.0.1/x?…#…")]
    [InlineData("https://[::1]:9000/jwks?secret123", "https://[::1]:9000/jwks?…")]
    public void Redact_AbsoluteUrl_KeepsSchemeHostPortAndPathOnly(string url, string expected)
    {
        var shown = JwksUrl.Redact(new Uri(url));

        Assert.Equal(expected, shown);
        Assert.Equal(expected, JwksUrl.Redact(url));
    }

    [Theory]
    [InlineData("http://evil.example/a\u001b[31m\u202eb", "http://evil.example/a%1B[31m%E2%80%AEb")]
    [InlineData("http://evil.example/a%1B%07\u202eb", "http://evil.example/a%1B%07%E2%80%AEb")]
    [InlineData("http://evil.example/a\u001b\u202eb?secret123", "http://evil.example/a%1B%E2%80%AEb?…")]
    [InlineData("/a\u001b[31m\u0085", "/a%1B[31m%C2%85")]
    public void Redact_ControlOrFormatCharacters_ArePercentEscaped(string url, string expected)
    {
        var shown = JwksUrl.Redact(url);

        Assert.Equal(expected, shown);
        if (url.Contains(Uri.SchemeDelimiter, StringComparison.Ordinal))
        {
            Assert.Equal(expected, JwksUrl.Redact(new Uri(url)));
        }
    }

    [Theory]
    [InlineData("/jwks", "/jwks")]
    [InlineData("/jwks?access_token=secret123", "/jwks…")]
    [InlineData("not a url @secret123", "not a url …")]
    public void Redact_TextThatIsNotAnAbsoluteUrl_IsCutAtTheFirstSecretPart(string url, string expected)
    {
        var shown = JwksUrl.Redact(url);

        Assert.Equal(expected, shown);
    }
}
