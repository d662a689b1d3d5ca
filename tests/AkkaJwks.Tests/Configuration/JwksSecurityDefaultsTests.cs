using Akka.Configuration;
using AkkaJwks.Configuration;

namespace AkkaJwks.Tests.Configuration;

/// <summary>The security defaults as reference.conf gives them, and what HOCON cannot switch.</summary>
public sealed class JwksSecurityDefaultsTests
{
    [Fact]
    public void Create_NameAndUrl_SecurityDefaultsAreTheSafeOnes()
    {
        var options = JwksFetcherOptions.Create("idp", new Uri("https://issuer.example/jwks"));

        Assert.False(options.AllowInsecureHttp);
        Assert.Empty(options.PinnedSpkiSha256);
        Assert.Null(options.ServerCertificateValidation);
        Assert.Null(options.HttpClient);
        Assert.Equal(3, options.MaxRedirects);
        Assert.Equal(1024 * 1024, options.MaxResponseBytes);
        Assert.Equal(64 * 1024, options.MaxResponseHeadersBytes);
        Assert.Equal(500, options.MaxKeys);
    }

    [Theory]
    [InlineData("server-certificate-validation = off")]
    [InlineData("validate-certificates = off")]
    public void Create_HoconTriesToSwitchCertificateValidation_IsAnUnknownOption(string line)
    {
        var config = ConfigurationFactory.ParseString($$"""
            akka.jwks.fetchers.idp { url = "https://issuer.example/jwks", {{line}} }
            """);

        var error = Assert.Throws<JwksConfigurationException>(() => JwksSettings.Create(config));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("unknown option", problem.Expected);
    }

    [Theory]
    [InlineData("uri = \"https://issuer.example/jwks?access_token=secret123\"", "https://issuer.example/jwks?…")]
    [InlineData("header { Authorization = \"Bearer secret123\" }", "an object")]
    [InlineData("header = { X-Api-Key = secret123 }", "an object")]
    public void Create_MisspelledOptionHoldingACredential_NeverQuotesIt(string line, string shown)
    {
        var config = ConfigurationFactory.ParseString($$"""
            akka.jwks.fetchers.idp { url = "https://issuer.example/jwks", {{line}} }
            """);

        var error = Assert.Throws<JwksConfigurationException>(() => JwksSettings.Create(config));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("unknown option", problem.Expected);
        Assert.Equal(shown, problem.Value);
        Assert.DoesNotContain("secret123", error.Message);
    }

    [Fact]
    public void Create_ServerCertificateValidationFromCode_PassesValidation()
    {
        var options = JwksFetcherOptions.Create("idp", new Uri("https://issuer.example/jwks")) with
        {
            ServerCertificateValidation = (_, _, _) => true,
        };

        var problems = options.Validate();

        Assert.Empty(problems);
    }
}
