using System.Text;
using AkkaJwks.Http;
using AkkaJwks.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AkkaJwks.Tests.Http;

public class HttpJwksClientRedirectTests
{
    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task GetAsync_SameOriginRedirect_FollowsItAndReportsTheFinalUrl(int status)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/old")
            {
                context.Response.StatusCode = status;
                context.Response.Headers.Location = "/new";
                return;
            }

            await context.Response.WriteAsync(context.Request.Path);
        });
        using var client = Fetches.Client(new SignallingClock());

        var response = await client.GetAsync(Fetches.For(server.Url("/old")), CancellationToken.None);

        Assert.Equal("/new", Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal(server.Url("/new"), response.FinalUrl);
    }

    [Fact]
    public async Task GetAsync_RedirectLoop_FailsAsRedirectLoop()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = context.Request.Path == "/a" ? "/b" : "/a";
            return Task.CompletedTask;
        });
        using var client = Fetches.Client(new SignallingClock());

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url("/a"), maxRedirects: 5), CancellationToken.None));

        Assert.Equal(FetchFailureKind.RedirectLoop, failure.Kind);
        Assert.Contains($"loop back to {server.Url("/a")}", failure.Message);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task GetAsync_TooManyRedirects_FailsAfterTheLimit()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var hop = int.Parse(context.Request.Path.Value!.TrimStart('/'));
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = $"/{hop + 1}";
            return Task.CompletedTask;
        });
        using var client = Fetches.Client(new SignallingClock());

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url("/0"), maxRedirects: 2), CancellationToken.None));

        Assert.Equal(FetchFailureKind.RedirectLoop, failure.Kind);
        Assert.Contains("more than 2 times (max-redirects)", failure.Message);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task GetAsync_HttpsRedirectsToHttp_RefusesWithoutFollowing()
    {
        await using var plain = await LoopbackServer.ServingAsync("""{"keys":[]}""");
        await using var secure = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = plain.Url().ToString();
            return Task.CompletedTask;
        }, SelfSignedCertificate.ForLoopback);
        using var client = Fetches.Client(new HttpJwksClientOptions
        {
            MaxResponseHeadersBytes = 16 * 1024,
            PinnedSpkiSha256 = [JwksSpkiPin.Compute(SelfSignedCertificate.ForLoopback)],
            TimeProvider = new SignallingClock(),
        });

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(secure.Url()) with { AllowInsecureHttp = true }, CancellationToken.None));

        Assert.Equal(FetchFailureKind.InsecureTransport, failure.Kind);
        Assert.Contains("from https to http", failure.Message);
        Assert.Equal(1, secure.RequestCount);
        Assert.Equal(0, plain.RequestCount);
    }

    [Fact]
    public async Task GetAsync_RedirectToPlainHttpElsewhere_Refuses()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "http://jwks.invalid/keys";
            return Task.CompletedTask;
        });
        using var client = Fetches.Client(new SignallingClock());

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url()), CancellationToken.None));

        Assert.Equal(FetchFailureKind.InsecureTransport, failure.Kind);
        Assert.Contains("allow-insecure-http", failure.Message);
    }

    [Fact]
    public async Task GetAsync_PlainHttpToNonLoopbackHost_RefusesBeforeAnyNetworkAccess()
    {
        using var client = Fetches.Client(new SignallingClock());

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(new Uri("http://jwks.invalid/keys")), CancellationToken.None));

        Assert.Equal(FetchFailureKind.InsecureTransport, failure.Kind);
        Assert.Contains("before any network access", failure.Message);
        Assert.Contains("allow-insecure-http", failure.Message);
        Assert.Null(failure.InnerException);
    }

    [Fact]
    public async Task GetAsync_CrossOriginRedirect_DoesNotForwardTheConfiguredHeaders()
    {
        string? forwarded = "not asked";
        await using var target = await LoopbackServer.StartAsync(async context =>
        {
            forwarded = context.Request.Headers.Authorization.FirstOrDefault();
            await context.Response.WriteAsync("""{"keys":[]}""");
        });
        string? original = null;
        await using var origin = await LoopbackServer.StartAsync(context =>
        {
            original = context.Request.Headers.Authorization.FirstOrDefault();
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = target.Url().ToString();
            return Task.CompletedTask;
        });
        using var client = Fetches.Client(new SignallingClock());
        var request = Fetches.For(origin.Url()) with
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer origin-only" },
        };

        await client.GetAsync(request, CancellationToken.None);

        Assert.Equal("Bearer origin-only", original);
        Assert.Null(forwarded);
    }
}
