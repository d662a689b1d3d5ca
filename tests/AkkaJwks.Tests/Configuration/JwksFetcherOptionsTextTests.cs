using AkkaJwks.Actors;
using AkkaJwks.Configuration;

namespace AkkaJwks.Tests.Configuration;

/// <summary>
/// Records print every member, and a state or options object is easy to log by accident: the text shows the URL
/// redacted and header names without their values.
/// </summary>
public sealed class JwksFetcherOptionsTextTests
{
    private static readonly JwksFetcherOptions Options =
        JwksFetcherOptions.Create("g", new Uri("https://u:pw123@idp.example/jwks?access_token=SECRET123")) with
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer TOKEN456" },
            RetryInterval = TimeSpan.FromSeconds(10),
        };

    [Fact]
    public void ToString_Options_RedactsTheUrlAndHidesHeaderValues()
    {
        var text = Options.ToString();

        Assert.DoesNotContain("SECRET123", text);
        Assert.DoesNotContain("pw123", text);
        Assert.DoesNotContain("TOKEN456", text);
        Assert.Contains("Url = https://…@idp.example/jwks?…", text);
        Assert.Contains("Headers = { Authorization = (hidden) }", text);
        Assert.Contains("RetryInterval = 10s", text);
        Assert.StartsWith("JwksFetcherOptions { Name = g, ", text);
    }

    [Fact]
    public void ToString_FetcherState_RedactsTheUrlOfItsOptions()
    {
        var state = new FetcherState("g", FetcherStatus.Starting, null, null, null, null, 0, null, null, null, Options);

        var text = state.ToString();

        Assert.DoesNotContain("SECRET123", text);
        Assert.DoesNotContain("pw123", text);
        Assert.DoesNotContain("TOKEN456", text);
        Assert.Contains("https://…@idp.example/jwks?…", text);
    }
}
