using Akka.Configuration;
using AkkaJwks.Configuration;

namespace AkkaJwks.Tests.Configuration;

public sealed class JwksSettingsTests
{
    [Fact]
    public void Create_NoAkkaJwksSection_UsesReferenceDefaults()
    {
        var settings = JwksSettings.Create(Config.Empty);

        Assert.Equal("akka-jwks", settings.RegistryName);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.AskTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(100), settings.MinBackoff);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.MaxBackoff);
        Assert.Equal(0.2, settings.BackoffRandomFactor);
        Assert.Empty(settings.Fetchers);
    }

    [Fact]
    public void Create_FetcherBlock_OverridesDefaultsPerFetcher()
    {
        var config = ConfigurationFactory.ParseString("""
            akka.jwks {
              defaults.retry-interval = 2s
              fetchers {
                google {
                  url = "https://www.googleapis.com/oauth2/v3/certs"
                  refresh-interval = 100ms
                  min-refresh-interval = 100ms
                  retry-interval = 100ms
                  max-retry-interval = 1s
                  sync-init = on
                  headers { "User-Agent" = "svc/1.0", X-Tenant = "a" }
                  pinned-spki-sha256 = ["47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="]
                }
                "local idp/1" { url = "http://127.0.0.1:8080/jwks" }
              }
            }
            """);

        var settings = JwksSettings.Create(config);

        Assert.Equal(["google", "local idp/1"], settings.Fetchers.Select(f => f.Name));
        var google = settings.Fetchers[0];
        Assert.Equal(new Uri("https://www.googleapis.com/oauth2/v3/certs"), google.Url);
        Assert.Equal(TimeSpan.FromMilliseconds(100), google.RefreshInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(100), google.RetryInterval);
        Assert.Equal(TimeSpan.FromSeconds(1), google.MaxRetryInterval);
        Assert.True(google.SyncInit);
        Assert.Equal("svc/1.0", google.Headers["User-Agent"]);
        Assert.Equal("a", google.Headers["X-Tenant"]);
        Assert.Equal(["47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="], google.PinnedSpkiSha256);
        var local = settings.Fetchers[1];
        Assert.Equal(TimeSpan.FromSeconds(2), local.RetryInterval);
        Assert.Equal(TimeSpan.FromMinutes(15), local.RefreshInterval);
        Assert.False(local.SyncInit);
    }

    [Fact]
    public void Create_HeadersInDefaultsAndFetcher_AreMerged()
    {
        var config = ConfigurationFactory.ParseString("""
            akka.jwks.defaults.headers { "User-Agent" = "svc/1.0", X-Env = "prod" }
            akka.jwks.fetchers.a { url = "https://a.example/jwks", headers { X-Env = "test", X-Tenant = "t1" } }
            """);

        var headers = JwksSettings.Create(config).Fetchers.Single().Headers;

        Assert.Equal(3, headers.Count);
        Assert.Equal("svc/1.0", headers["User-Agent"]);
        Assert.Equal("test", headers["X-Env"]);
        Assert.Equal("t1", headers["X-Tenant"]);
    }

    [Theory]
    [InlineData("sync-init = maybe", "sync-init = maybe: expected on or off")]
    [InlineData("max-keys = lots", "max-keys = lots: expected a whole number")]
    [InlineData("refresh-jitter = high", "refresh-jitter = high: expected a number")]
    [InlineData("headers = \"x\"", "headers = (hidden): expected an object of header names to values, such as { X-Tenant = \"a\" }")]
    [InlineData("pinned-spki-sha256 = \"x\"", "pinned-spki-sha256 = x: expected a list of strings, such as []")]
    [InlineData("url = 42", "url = 42: expected an absolute URL with a host, for example https://issuer.example/jwks")]
    public void Create_ValueOfTheWrongType_SaysWhatWasExpected(string line, string expected)
    {
        var config = ConfigurationFactory.ParseString(
            "akka.jwks.fetchers.a { url = \"https://a.example/jwks\"\n" + line + "\n}");

        var error = Assert.Throws<JwksConfigurationException>(() => JwksSettings.Create(config));

        Assert.Equal("akka.jwks.fetchers.a." + expected, Assert.Single(error.Problems).ToString());
    }

    [Theory]
    [InlineData("akka.jwks.ask-timeout = -1s", "akka.jwks.ask-timeout = -1s")]
    [InlineData("akka.jwks.supervision.min-backoff = -2m", "akka.jwks.supervision.min-backoff = -2m")]
    [InlineData("akka.jwks.defaults.request-timeout = -500ms", "akka.jwks.defaults.request-timeout = -500ms")]
    [InlineData(
        "akka.jwks.fetchers.a { url = \"https://a.example/jwks\", refresh-interval = \"-5 seconds\" }",
        "akka.jwks.fetchers.a.refresh-interval = -5 seconds")]
    public void Create_NegativeDuration_SaysItMustNotBeNegative(string hocon, string problem)
    {
        var config = ConfigurationFactory.ParseString(hocon);

        var error = Assert.Throws<JwksConfigurationException>(() => JwksSettings.Create(config));

        Assert.Equal(
            problem + ": must not be negative; expected at least 100ms", Assert.Single(error.Problems).ToString());
    }

    [Fact]
    public void CreateFetcherOptions_SystemDefaults_AreUsedForOptionsBuiltInCode()
    {
        var config = ConfigurationFactory.ParseString("akka.jwks.defaults { retry-interval = 2s, max-keys = 50 }");
        var settings = JwksSettings.Create(config);

        var options = settings.CreateFetcherOptions("code", new Uri("https://issuer.example/jwks"));

        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryInterval);
        Assert.Equal(50, options.MaxKeys);
        Assert.Equal(TimeSpan.FromMinutes(15), options.RefreshInterval);
        Assert.Equal(new Uri("https://issuer.example/jwks"), options.Url);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Create_ManyProblems_ListsEveryProblemInOneMessage()
    {
        var config = ConfigurationFactory.ParseString("""
            akka.jwks {
              ask-timeout = 0s
              supervision { min-backoff = 10s, max-backoff = 1s }
              defaults { retry-intervall = 1s }
              fetchers {
                google {
                  url = "http://issuer.example/jwks"
                  refresh-interval = 15m
                  retry-interval = 20m
                  max-retry-interval = -1s
                  min-refresh-interval = 50ms
                  refresh-jitter = 0.7
                  request-timeout = soon
                  max-keys = 0
                  max-redirects = -1
                  pinned-spki-sha256 = ["not base64", "AAAA"]
                  headers { "Bad Header" = "x" }
                  colour = blue
                }
                nourl { sync-init = on }
                relative { url = "/jwks" }
                "tab\there" { url = "https://issuer.example/jwks" }
              }
            }
            """);

        var error = Assert.Throws<JwksConfigurationException>(() => JwksSettings.Create(config));

        // Pinned as a user reads it, one problem a line: the lines over 120 columns are the message's own.
        Assert.Equal("""
            The AkkaJwks configuration is invalid (18 problems); nothing was started:
              akka.jwks.ask-timeout = 0s: must not be zero; expected at least 100ms
              akka.jwks.supervision.max-backoff = 1s: must be at least supervision.min-backoff (10s)
              akka.jwks.defaults.retry-intervall = 1s: unknown option; did you mean 'retry-interval'?
              akka.jwks.fetchers.google.colour = (hidden): unknown option; expected one of url, refresh-interval, min-refresh-interval, refresh-jitter, retry-interval, max-retry-interval, sync-init, stop-on-sync-init-failure, request-timeout, transient-retries, max-response-bytes, max-response-headers-bytes, max-keys, max-redirects, allow-insecure-http, pinned-spki-sha256, headers, kid-miss-cooldown, kid-miss-wait, unknown-kid-ttl
              akka.jwks.fetchers.google.max-retry-interval = -1s: must not be negative; expected at least 100ms
              akka.jwks.fetchers.google.request-timeout = soon: expected a duration such as 500ms, 30s or 15m
              akka.jwks.fetchers.google.url = http://issuer.example/jwks: 'http://issuer.example/jwks' is plain http to a host that is not loopback; use https, or set allow-insecure-http = on to allow it deliberately
              akka.jwks.fetchers.google.min-refresh-interval = 50ms: must be at least 100ms
              akka.jwks.fetchers.google.refresh-jitter = 0.7: expected a fraction from 0 to 0.5
              akka.jwks.fetchers.google.max-keys = 0: must be a positive whole number
              akka.jwks.fetchers.google.max-redirects = -1: must be zero or more
              akka.jwks.fetchers.google.pinned-spki-sha256[0] = not base64: expected the base64 of a 32-byte SHA-256 of the certificate's SubjectPublicKeyInfo
              akka.jwks.fetchers.google.pinned-spki-sha256[1] = AAAA: expected the base64 of a 32-byte SHA-256 of the certificate's SubjectPublicKeyInfo
              akka.jwks.fetchers.google.headers."Bad Header" = (hidden): expected a header name made of letters, digits and !#$%&'*+-.^_`|~
              akka.jwks.fetchers.google.retry-interval = 20m: must not exceed refresh-interval (15m)
              akka.jwks.fetchers.nourl.url = (missing): expected the JWKS endpoint, for example url = "https://issuer.example/jwks"
              akka.jwks.fetchers.relative.url = /jwks: expected an absolute URL with a host, for example https://issuer.example/jwks
              akka.jwks.fetchers."tab\there" = tab\there: expected a fetcher name without control characters
            """.ReplaceLineEndings(), error.Message);
        Assert.Equal(error.Problems.Count, error.Message.Split(Environment.NewLine).Length - 1);
    }
}
