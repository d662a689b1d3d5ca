using System.Net;
using System.Net.Sockets;
using AkkaJwks.Http;
using AkkaJwks.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace AkkaJwks.Tests.Http;

public class HttpJwksClientStatusTests
{
    [Fact]
    public async Task GetAsync_500sThenSuccess_RetriesQuicklyInsideTheAttempt()
    {
        var seen = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = Interlocked.Increment(ref seen) <= 2 ? 500 : 200;
            await context.Response.WriteAsync("""{"keys":[]}""");
        });
        var clock = new SignallingClock();
        using var client = Fetches.Client(clock);

        var response = await clock.RunAsync(
            client.GetAsync(Fetches.For(server.Url(), retries: 2), CancellationToken.None), Fetches.Budget);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(3, server.RequestCount);
    }

    [Theory]
    [InlineData(500, 3)]
    [InlineData(502, 3)]
    [InlineData(503, 3)]
    [InlineData(408, 3)]
    [InlineData(501, 1)]
    [InlineData(404, 1)]
    [InlineData(429, 1)]
    public async Task GetAsync_FailingStatus_RetriesOnlyTransientOnesThenFails(int status, int requests)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        var clock = new SignallingClock();
        using var client = Fetches.Client(clock);

        var failure = await Assert.ThrowsAsync<JwksFetchException>(() => clock.RunAsync(
            client.GetAsync(Fetches.For(server.Url(), retries: 2), CancellationToken.None), Fetches.Budget));

        Assert.Equal(FetchFailureKind.HttpStatus, failure.Kind);
        Assert.Equal(status, failure.StatusCode);
        Assert.Contains($"answered {status} {ReasonPhrases.GetReasonPhrase(status)}", failure.Message);
        Assert.Contains(server.Url().ToString(), failure.Message);
        Assert.Null(failure.RetryAfter);
        Assert.Equal(requests, server.RequestCount);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task GetAsync_RetryAfterSeconds_FailsAtOnceWithTheWait(int status)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        });
        var clock = new SignallingClock();
        using var client = Fetches.Client(clock);

        var failure = await Assert.ThrowsAsync<JwksFetchException>(() => clock.RunAsync(
            client.GetAsync(Fetches.For(server.Url(), retries: 2), CancellationToken.None), Fetches.Budget));

        Assert.Equal(FetchFailureKind.HttpStatus, failure.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), failure.RetryAfter);
        Assert.Contains("tried again after 2m", failure.Message);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task GetAsync_RetryAfterDate_ReadsItAgainstTheServersDate()
    {
        var serverNow = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.Date = serverNow.ToString("R");
            context.Response.Headers.RetryAfter = serverNow.AddSeconds(90).ToString("R");
            return Task.CompletedTask;
        });
        using var client = Fetches.Client(new SignallingClock());

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url(), retries: 2), CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(90), failure.RetryAfter);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task GetAsync_Reset_FailsAsConnectionResetAfterQuickRetries()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        var clock = new SignallingClock();
        using var client = Fetches.Client(clock);

        var failure = await Assert.ThrowsAsync<JwksFetchException>(() => clock.RunAsync(
            client.GetAsync(Fetches.For(server.Url(), retries: 1), CancellationToken.None), Fetches.Budget));

        Assert.True(failure.Kind == FetchFailureKind.ConnectionReset, failure.ToString());
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task GetAsync_PortNotListening_FailsAsConnectionRefused()
    {
        // A port held by a socket that never listens refuses every connection. A listener stopped again would free
        // its port, and a server of a spec running meanwhile could be given it.
        using var closedPort = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closedPort.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)closedPort.LocalEndPoint!).Port;
        var clock = new SignallingClock();
        using var client = Fetches.Client(clock);

        var failure = await Assert.ThrowsAsync<JwksFetchException>(() => clock.RunAsync(
            client.GetAsync(Fetches.For(new Uri($"http://127.0.0.1:{port}/jwks"), retries: 1), CancellationToken.None),
            Fetches.Budget));

        Assert.True(failure.Kind == FetchFailureKind.ConnectionRefused, failure.ToString());
        Assert.Contains($"127.0.0.1:{port}", failure.Message);
    }

    [Fact]
    public async Task GetAsync_UnresolvableHost_FailsAsDns()
    {
        using var client = Fetches.Client(new SignallingClock());

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(new Uri("https://jwks.invalid/keys")), CancellationToken.None));

        Assert.True(failure.Kind == FetchFailureKind.Dns, failure.ToString());
        Assert.Contains("'jwks.invalid' did not resolve", failure.Message);
    }

    [Fact]
    public async Task GetAsync_CallerCancels_PropagatesCancellation()
    {
        var never = new TaskCompletionSource();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            entered.TrySetResult();
            await never.Task.WaitAsync(context.RequestAborted);
        });
        using var client = Fetches.Client(new SignallingClock());
        using var cancellation = new CancellationTokenSource();

        var call = client.GetAsync(Fetches.For(server.Url()), cancellation.Token);
        await entered.Task;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
