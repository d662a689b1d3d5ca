using Akka.Configuration;
using AkkaJwks.Configuration;

namespace AkkaJwks.Tests.Configuration;

public sealed class JwksFetcherOptionsTests
{
    private static readonly Uri Https = new("https://issuer.example/jwks");

    [Fact]
    public void Create_NameAndUrl_TakesEveryDefaultFromReferenceConf()
    {
        var options = JwksFetcherOptions.Create("google", Https);

        Assert.Equal("google", options.Name);
        Assert.Equal(Https, options.Url);
        Assert.Equal(TimeSpan.FromMinutes(15), options.RefreshInterval);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MinRefreshInterval);
        Assert.Equal(0.1, options.RefreshJitter);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RetryInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), options.MaxRetryInterval);
        Assert.False(options.SyncInit);
        Assert.False(options.StopOnSyncInitFailure);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RequestTimeout);
        Assert.Equal(2, options.TransientRetries);
        Assert.Equal(1_048_576, options.MaxResponseBytes);
        Assert.Equal(65_536, options.MaxResponseHeadersBytes);
        Assert.Equal(500, options.MaxKeys);
        Assert.Equal(3, options.MaxRedirects);
        Assert.False(options.AllowInsecureHttp);
        Assert.Empty(options.PinnedSpkiSha256);
        Assert.Empty(options.Headers);
        Assert.Equal(TimeSpan.FromSeconds(30), options.KidMissCooldown);
        Assert.Equal(TimeSpan.FromSeconds(5), options.KidMissWait);
        Assert.Equal(TimeSpan.FromMinutes(5), options.UnknownKidTtl);
        Assert.Null(options.HttpClient);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_BadOptionsBuiltInCode_ReportsThemUnderTheirHoconPaths()
    {
        var options = JwksFetcherOptions.Create("my idp", new Uri("http://issuer.example/jwks")) with
        {
            RetryInterval = TimeSpan.FromSeconds(-1),
            MaxRetryInterval = TimeSpan.FromMilliseconds(1500),
            RefreshInterval = TimeSpan.FromSeconds(1),
            TransientRetries = -1,
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer x\r\nInjected: 1" },
        };

        var problems = options.Validate();

        Assert.Equal(
        [
            "akka.jwks.fetchers.\"my idp\".url = http://issuer.example/jwks: 'http://issuer.example/jwks' is plain " +
                "http to a host that is not loopback; use https, or set allow-insecure-http = on to allow it " +
                "deliberately",
            "akka.jwks.fetchers.\"my idp\".retry-interval = -1s: must not be negative; expected at least 100ms",
            "akka.jwks.fetchers.\"my idp\".transient-retries = -1: must be zero or more",
            "akka.jwks.fetchers.\"my idp\".headers.\"Authorization\" = (hidden): expected a header value without CR, " +
                "LF or NUL",
            "akka.jwks.fetchers.\"my idp\".min-refresh-interval = 1m: must not exceed refresh-interval (1s)",
        ], problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("https://issuer.example/jwks", false, true)]
    [InlineData("http://127.0.0.1:5000/jwks", false, true)]
    [InlineData("http://127.9.9.9/jwks", false, true)]
    [InlineData("http://localhost/jwks", false, true)]
    [InlineData("http://[::1]:8080/jwks", false, true)]
    [InlineData("http://issuer.example/jwks", false, false)]
    [InlineData("http://issuer.example/jwks", true, true)]
    [InlineData("ftp://issuer.example/jwks", true, false)]
    public void Validate_Url_AllowsHttpsAndLoopbackOnlyUnlessAllowed(string url, bool allowInsecure, bool valid)
    {
        var options = JwksFetcherOptions.Create("idp", new Uri(url)) with { AllowInsecureHttp = allowInsecure };

        var problems = options.Validate();

        Assert.Equal(valid, problems.Count == 0);
    }

    [Fact]
    public void Validate_RelativeUrl_SaysAbsoluteWithHost()
    {
        var options = JwksFetcherOptions.Create("idp", new Uri("/jwks", UriKind.Relative));

        var problem = Assert.Single(options.Validate());

        Assert.Equal("akka.jwks.fetchers.idp.url", problem.Path);
        Assert.Contains("not an absolute URL with a host", problem.Expected);
    }

    [Theory]
    [InlineData("", "expected a non-empty fetcher name")]
    [InlineData("a\u0007b", "expected a fetcher name without control characters")]
    [InlineData("..", "expected a name other than . or .. (in an actor path they mean this actor and its parent)")]
    public void Validate_BadName_SaysWhatANameMustBe(string name, string expected)
    {
        var options = JwksFetcherOptions.Create(name, Https);

        var problem = Assert.Single(options.Validate());

        Assert.Equal(expected, problem.Expected);
    }

    [Fact]
    public void Validate_NameOf101Characters_IsTooLong()
    {
        var options = JwksFetcherOptions.Create(new string('n', 101), Https);

        var problem = Assert.Single(options.Validate());

        Assert.Equal("expected a fetcher name of at most 100 characters, not 101", problem.Expected);
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("tenant/idp")]
    [InlineData("ünïcode")]
    [InlineData("a.b:c?d#e")]
    [InlineData("$system")]
    public void Validate_NameThatNeedsEscaping_IsAccepted(string name)
    {
        var options = JwksFetcherOptions.Create(name, Https);

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void ThrowIfInvalid_BadOptions_ThrowsWithProblems()
    {
        var options = JwksFetcherOptions.Create("idp", Https) with { MaxKeys = 0 };

        var error = Assert.Throws<JwksConfigurationException>(options.ThrowIfInvalid);

        Assert.Equal("akka.jwks.fetchers.idp.max-keys", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void SettingsCreate_BadDefault_IsReportedOnceAtTheDefaultsPath()
    {
        var config = ConfigurationFactory.ParseString("""
            akka.jwks.defaults.max-keys = 0
            akka.jwks.fetchers {
              a { url = "https://a.example/jwks" }
              b { url = "https://b.example/jwks", max-keys = -5 }
            }
            """);

        var error = Assert.Throws<JwksConfigurationException>(() => JwksSettings.Create(config));

        Assert.Equal(
            ["akka.jwks.defaults.max-keys", "akka.jwks.fetchers.b.max-keys"],
            error.Problems.Select(p => p.Path));
    }

    [Fact]
    public void SettingsCreate_FetchersNotAnObject_SaysWhatItShouldBe()
    {
        var config = ConfigurationFactory.ParseString("akka.jwks.fetchers = \"https://a.example/jwks\"");

        var error = Assert.Throws<JwksConfigurationException>(() => JwksSettings.Create(config));

        Assert.Equal("akka.jwks.fetchers", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void SettingsCreate_RequestTimeoutAboveOneDay_RefusedWithPollysLimit()
    {
        var config = ConfigurationFactory.ParseString("""
            akka.jwks.fetchers {
              day { url = "https://a.example/jwks", request-timeout = 24h }
              long { url = "https://b.example/jwks", request-timeout = 100h }
            }
            """);

        var error = Assert.Throws<JwksConfigurationException>(() => JwksSettings.Create(config));

        Assert.Equal(
            "akka.jwks.fetchers.long.request-timeout = 100h: must be at most 1d (24h), the longest timeout Polly " +
                "accepts for one fetch",
            Assert.Single(error.Problems).ToString());
    }
}
