using Akka.Configuration;
using AkkaJwks.Configuration;

namespace AkkaJwks.Tests.Configuration;

/// <summary>
/// A configuration error never prints a credential: not a header's value, not a URL's query or user-info, not the
/// content of a block under a mistyped key. Each case comes from a newcomer's report; each problem stays on one line.
/// </summary>
public sealed class JwksConfigurationSecretTests
{
    private const string Secret = "SECRET123";

    [Theory]
    [InlineData(
        """akka.jwks.fetcher { g { url = "https://idp.example/jwks?access_token=SECRET123" } }""",
        "akka.jwks.fetcher = an object: unknown option; did you mean 'fetchers'?")]
    [InlineData(
        """akka.jwks.default { headers { Authorization = "Bearer SECRET123" } }""",
        "akka.jwks.default = an object: unknown option; did you mean 'defaults'?")]
    [InlineData(
        """akka.jwks.fetchers.g { url = "https://a.example/jwks", header { Authorization = "Bearer SECRET123" } }""",
        "akka.jwks.fetchers.g.header = an object: unknown option; did you mean 'headers'?")]
    [InlineData(
        """akka.jwks.fetchers.g { url = "https://a.example/jwks", headers = "Authorization: Bearer SECRET123" }""",
        "akka.jwks.fetchers.g.headers = (hidden): expected an object of header names to values")]
    [InlineData(
        """akka.jwks.defaults.headers = "Authorization: Bearer SECRET123" """,
        "akka.jwks.defaults.headers = (hidden): expected an object of header names to values")]
    [InlineData(
        """akka.jwks.defaults.headers { Authorization { scheme = Bearer, token = SECRET123 } }""",
        "akka.jwks.defaults.headers.\"Authorization\" = (hidden): expected a string")]
    [InlineData(
        """akka.jwks.fetchers.g.url = ["https://issuer.example/jwks?token=SECRET123"]""",
        "akka.jwks.fetchers.g.url = [https://issuer.example/jwks?…]: expected a string")]
    [InlineData(
        """akka.jwks.fetchers.g.url = "https://user:SECRET123@issuer.example/jwks" , akka.jwks.fetchers.g.urll = 1""",
        "akka.jwks.fetchers.g.urll = 1: unknown option; did you mean 'url'?")]
    [InlineData(
        """akka.jwks.fetchers.g { url = "https://a.example/jwks", uri = "https://a.example/jwks?token=SECRET123" }""",
        "akka.jwks.fetchers.g.uri = https://a.example/jwks?…: unknown option; did you mean 'url'?")]
    [InlineData(
        """akka.jwks.fetchers.g { url = "https://a.example/jwks", Authorization = "Bearer SECRET123" }""",
        "akka.jwks.fetchers.g.Authorization = (hidden): unknown option; expected one of url,")]
    [InlineData(
        """akka.jwks.fetchers.g { url = "https://a.example/jwks", headerz = "Bearer SECRET123" }""",
        "akka.jwks.fetchers.g.headerz = (hidden): unknown option; did you mean 'headers'?")]
    [InlineData(
        """akka.jwks.fetchers { g = "https://issuer.example/jwks?token=SECRET123" }""",
        "akka.jwks.fetchers.g = https://issuer.example/jwks?…: expected an object")]
    [InlineData(
        """akka.jwks.fetchers = "https://issuer.example/jwks?token=SECRET123" """,
        "akka.jwks.fetchers = https://issuer.example/jwks?…: expected an object of fetchers by name")]
    [InlineData(
        """akka.jwks.fetchers.g { url = "https://a.example/jwks", max-keys = "a?SECRET123" }""",
        "akka.jwks.fetchers.g.max-keys = a…: expected a whole number")]
    public void Create_SecretInABadValue_NeverShowsItButNamesThePathAndTheExpectation(string hocon, string expected)
    {
        var failure = Assert.Throws<JwksConfigurationException>(
            () => JwksSettings.Create(ConfigurationFactory.ParseString(hocon)));

        Assert.DoesNotContain(Secret, failure.Message);
        Assert.All(failure.Problems, p => Assert.DoesNotContain(Secret, p.ToString()));
        Assert.Contains(failure.Problems, p => p.ToString().StartsWith(expected, StringComparison.Ordinal));
        Assert.Equal(failure.Problems.Count + 1, failure.Message.Split(Environment.NewLine).Length);
    }

    [Fact]
    public void Create_ValuesOverSeveralLines_EachProblemStaysOnOneLine()
    {
        var config = ConfigurationFactory.ParseString(""""
            akka.jwks.registry-name = """bad
            name"""
            akka.jwks.fetchers.g { url = "https://a.example/jwks", retry-intervall = """1s
            2s""" }
            """");

        var failure = Assert.Throws<JwksConfigurationException>(() => JwksSettings.Create(config));

        Assert.Equal(3, failure.Message.Split(Environment.NewLine).Length);
        Assert.Contains(failure.Problems, p => p.ToString().StartsWith(
            "akka.jwks.registry-name = bad\\nname: expected a valid actor name", StringComparison.Ordinal));
        Assert.Contains(failure.Problems, p => p.ToString().StartsWith(
            "akka.jwks.fetchers.g.retry-intervall = 1s%0A2s: unknown option", StringComparison.Ordinal));
    }
}
