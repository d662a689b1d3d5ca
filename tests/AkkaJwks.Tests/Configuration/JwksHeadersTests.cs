using Akka.Configuration;
using AkkaJwks.Configuration;

namespace AkkaJwks.Tests.Configuration;

/// <summary>
/// Request headers that .NET will not send, or that the HTTP stack must own, are refused when the configuration is
/// read (HOCON and options built in code), naming the fetcher and the header and never the value.
/// </summary>
public sealed class JwksHeadersTests
{
    private const string Secret = "SECRET123";

    [Theory]
    [InlineData("Content-Length", ".NET refuses to send it")]
    [InlineData("content-type", ".NET refuses to send it")]
    [InlineData("Content-Encoding", ".NET refuses to send it")]
    [InlineData("Expires", ".NET refuses to send it")]
    [InlineData("Transfer-Encoding", "hop-by-hop")]
    [InlineData("Connection", "hop-by-hop")]
    [InlineData("Keep-Alive", "hop-by-hop")]
    [InlineData("TE", "hop-by-hop")]
    [InlineData("Trailer", "hop-by-hop")]
    [InlineData("Upgrade", "hop-by-hop")]
    [InlineData("Proxy-Connection", "hop-by-hop")]
    [InlineData("Host", "is taken from the url")]
    [InlineData("HOST", "is taken from the url")]
    [InlineData("Proxy-Authorization", "meant for a proxy")]
    [InlineData("If-None-Match", "set by AkkaJwks itself")]
    public void Create_HoconHeaderThatCannotBeConfigured_IsRefusedNamingFetcherAndHeaderNotValue(
        string name, string why)
    {
        var config = ConfigurationFactory.ParseString(
            $$"""akka.jwks.fetchers.g { url = "https://a.example/jwks", headers { "{{name}}" = "{{Secret}}" } }""");

        var failure = Assert.Throws<JwksConfigurationException>(() => JwksSettings.Create(config));

        var problem = Assert.Single(failure.Problems);
        Assert.Equal($"akka.jwks.fetchers.g.headers.\"{name}\"", problem.Path);
        Assert.Equal("(hidden)", problem.Value);
        Assert.Contains($"the header '{name}' ", problem.Expected);
        Assert.Contains(why, problem.Expected);
        Assert.DoesNotContain(Secret, failure.Message);
    }

    [Fact]
    public void Create_RefusedHeaderInDefaults_IsReportedOnceAtTheDefaultsPath()
    {
        var config = ConfigurationFactory.ParseString("""
            akka.jwks.defaults.headers { Content-Length = "5" }
            akka.jwks.fetchers.g.url = "https://a.example/jwks"
            """);

        var failure = Assert.Throws<JwksConfigurationException>(() => JwksSettings.Create(config));

        var problem = Assert.Single(failure.Problems);
        Assert.Equal("akka.jwks.defaults.headers.\"Content-Length\"", problem.Path);
    }

    [Fact]
    public void Validate_CodeOptionsWithRefusedHeader_NamesFetcherAndHeaderNotValue()
    {
        var options = JwksFetcherOptions.Create("tenant", new Uri("https://a.example/jwks")) with
        {
            Headers = new Dictionary<string, string> { ["Host"] = "evil.example", ["X-Token"] = Secret },
        };

        var problem = Assert.Single(options.Validate());

        Assert.Equal("akka.jwks.fetchers.tenant.headers.\"Host\" = (hidden): the header 'Host' is taken from the url; "
            + "another value would name a different site than the one connected to; remove it", problem.ToString());
    }

    [Fact]
    public void Create_SameHeaderInOtherCaseInOneBlock_IsRefused()
    {
        var config = ConfigurationFactory.ParseString("""
            akka.jwks.fetchers.g {
              url = "https://a.example/jwks", headers { X-Api-Key = "a", x-api-key = "SECRET123" }
            }
            """);

        var failure = Assert.Throws<JwksConfigurationException>(() => JwksSettings.Create(config));

        var problem = Assert.Single(failure.Problems);
        Assert.Equal("akka.jwks.fetchers.g.headers.\"x-api-key\"", problem.Path);
        Assert.Equal("(hidden)", problem.Value);
        Assert.Contains(
            "'X-Api-Key' is already set in this block; header names are case-insensitive", problem.Expected);
        Assert.DoesNotContain(Secret, failure.Message);
    }

    [Fact]
    public void Validate_CodeHeadersDifferingOnlyInCase_IsRefused()
    {
        var options = JwksFetcherOptions.Create("g", new Uri("https://a.example/jwks")) with
        {
            Headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["X-A"] = "1", ["x-a"] = Secret },
        };

        var problem = Assert.Single(options.Validate());

        Assert.Equal("akka.jwks.fetchers.g.headers.\"x-a\"", problem.Path);
        Assert.Contains("differ only in case", problem.Expected);
        Assert.DoesNotContain(Secret, problem.ToString());
    }

    [Fact]
    public void Create_FetcherOverridesDefaultHeaderInOtherCase_FetcherValueWins()
    {
        var config = ConfigurationFactory.ParseString("""
            akka.jwks.defaults.headers { User-Agent = "svc/1.0", X-Env = "prod" }
            akka.jwks.fetchers.g { url = "https://a.example/jwks", headers { user-agent = "svc/2.0" } }
            """);

        var headers = JwksSettings.Create(config).Fetchers.Single().Headers;

        Assert.Equal(2, headers.Count);
        Assert.Equal("svc/2.0", headers["User-Agent"]);
        Assert.Equal("user-agent", headers.Keys.Single(k => k.StartsWith('u') || k.StartsWith('U')));
        Assert.Equal("prod", headers["X-Env"]);
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("User-Agent")]
    [InlineData("Accept")]
    [InlineData("X-Tenant")]
    [InlineData("Cookie")]
    public void Refusal_OrdinaryRequestHeader_IsNull(string name)
    {
        Assert.Null(JwksHeaders.Refusal(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bad Header")]
    [InlineData("X-A:")]
    public void Refusal_NotAHeaderName_SaysWhatANameIsMadeOf(string name)
    {
        Assert.Equal("expected a header name made of letters, digits and !#$%&'*+-.^_`|~", JwksHeaders.Refusal(name));
    }
}
