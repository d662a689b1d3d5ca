using AkkaJwks.Http;
using AkkaJwks.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AkkaJwks.Tests.Http;

public class HttpJwksClientCachingTests
{
    private static readonly DateTimeOffset Modified = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task GetAsync_Validators_SendsConditionalHeadersAndMaps304()
    {
        string? ifNoneMatch = null;
        string? ifModifiedSince = null;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            ifNoneMatch = context.Request.Headers.IfNoneMatch;
            ifModifiedSince = context.Request.Headers.IfModifiedSince;
            context.Response.StatusCode = 304;
            context.Response.Headers.ETag = "\"v2\"";
            context.Response.Headers.CacheControl = "max-age=600";
            return Task.CompletedTask;
        });
        using var client = Fetches.Client(new SignallingClock());
        var request = Fetches.For(server.Url()) with { IfNoneMatch = "\"v1\"", IfModifiedSince = Modified };

        var response = await client.GetAsync(request, CancellationToken.None);

        Assert.Equal("\"v1\"", ifNoneMatch);
        Assert.Equal(Modified.ToString("R"), ifModifiedSince);
        Assert.Equal(304, response.StatusCode);
        Assert.True(response.NotModified);
        Assert.True(response.Body.IsEmpty);
        Assert.Equal("\"v2\"", response.ETag);
        Assert.Equal(TimeSpan.FromMinutes(10), response.MaxAge);
    }

    [Fact]
    public async Task GetAsync_NoValidators_SendsNoConditionalHeaders()
    {
        var conditional = true;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            conditional = context.Request.Headers.ContainsKey("If-None-Match") ||
                context.Request.Headers.ContainsKey("If-Modified-Since");
            return context.Response.WriteAsync("""{"keys":[]}""");
        });
        using var client = Fetches.Client(new SignallingClock());

        await client.GetAsync(Fetches.For(server.Url()), CancellationToken.None);

        Assert.False(conditional);
    }

    [Fact]
    public async Task GetAsync_CachingHeaders_ParsesEveryOne()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var headers = context.Response.Headers;
            headers.ETag = "W/\"abc\"";
            headers.LastModified = Modified.ToString("R");
            headers.CacheControl = "public, max-age=3600";
            headers.Expires = Modified.AddHours(2).ToString("R");
            headers.Date = Modified.AddMinutes(1).ToString("R");
            headers.Age = "120";
            return context.Response.WriteAsync("""{"keys":[]}""");
        });
        using var client = Fetches.Client(new SignallingClock());

        var response = await client.GetAsync(Fetches.For(server.Url()), CancellationToken.None);

        Assert.Equal("W/\"abc\"", response.ETag);
        Assert.Equal(Modified, response.LastModified);
        Assert.Equal(TimeSpan.FromHours(1), response.MaxAge);
        Assert.False(response.NoCache);
        Assert.Equal(Modified.AddHours(2), response.Expires);
        Assert.Equal(Modified.AddMinutes(1), response.Date);
        Assert.Equal(TimeSpan.FromMinutes(2), response.Age);
    }

    [Theory]
    [InlineData("no-cache", true, null)]
    [InlineData("no-store", true, null)]
    [InlineData("max-age=0", false, 0)]
    [InlineData("private, max-age=90, must-revalidate", false, 90)]
    public async Task GetAsync_CacheControl_MapsNoCacheAndMaxAge(string cacheControl, bool noCache, int? maxAge)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.CacheControl = cacheControl;
            return context.Response.WriteAsync("""{"keys":[]}""");
        });
        using var client = Fetches.Client(new SignallingClock());

        var response = await client.GetAsync(Fetches.For(server.Url()), CancellationToken.None);

        Assert.Equal(noCache, response.NoCache);
        Assert.Equal(maxAge is { } seconds ? TimeSpan.FromSeconds(seconds) : null, response.MaxAge);
    }

    [Fact]
    public async Task GetAsync_InvalidExpires_ReadsAsAlreadyExpired()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.Expires = "0";
            return context.Response.WriteAsync("""{"keys":[]}""");
        });
        using var client = Fetches.Client(new SignallingClock());

        var response = await client.GetAsync(Fetches.For(server.Url()), CancellationToken.None);

        Assert.Equal(DateTimeOffset.MinValue, response.Expires);
    }

    [Fact]
    public async Task GetAsync_ConfiguredHeaders_SendsThem()
    {
        string? userAgent = null;
        string? custom = null;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            userAgent = context.Request.Headers.UserAgent;
            custom = context.Request.Headers["X-Tenant"];
            return context.Response.WriteAsync("""{"keys":[]}""");
        });
        using var client = Fetches.Client(new SignallingClock());
        var request = Fetches.For(server.Url()) with
        {
            Headers = new Dictionary<string, string> { ["User-Agent"] = "svc/1.0", ["X-Tenant"] = "blue" },
        };

        await client.GetAsync(request, CancellationToken.None);

        Assert.Equal("svc/1.0", userAgent);
        Assert.Equal("blue", custom);
    }

    [Fact]
    public async Task GetAsync_ContentHeaderConfigured_ThrowsNamingItWithoutSending()
    {
        await using var server = await LoopbackServer.ServingAsync("{}");
        using var client = Fetches.Client(new SignallingClock());
        var request = Fetches.For(server.Url()) with
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        };

        var failure = await Assert.ThrowsAsync<ArgumentException>(
            () => client.GetAsync(request, CancellationToken.None));

        Assert.Contains("'Content-Type'", failure.Message);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task GetAsync_ResponseHeadersOverLimit_FailsAsResponseTooLarge()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["X-Padding"] = new string('a', 8 * 1024);
            return context.Response.WriteAsync("""{"keys":[]}""");
        });
        using var client = Fetches.Client(new SignallingClock(), maxHeadersBytes: 4 * 1024);

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url()), CancellationToken.None));

        Assert.True(failure.Kind == FetchFailureKind.ResponseTooLarge, failure.ToString());
        Assert.Contains("headers exceed the limit of 4096 bytes", failure.Message);
    }
}
