using System.Threading.Channels;
using AkkaJwks.Http;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Http;

public class HttpJwksClientTimeoutTests
{
    [Fact]
    public async Task GetAsync_HeadersNeverCome_TimesOutOnTheAttemptClock()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            entered.TrySetResult();
            await never.Task.WaitAsync(context.RequestAborted);
        });
        var clock = new SignallingClock();
        using var client = Fetches.Client(clock);

        var call = client.GetAsync(Fetches.For(server.Url(), retries: 2), CancellationToken.None);
        await entered.Task;
        clock.Advance(Fetches.Budget);
        var failure = await Assert.ThrowsAsync<JwksFetchException>(() => call);

        Assert.Equal(FetchFailureKind.Timeout, failure.Kind);
        Assert.Contains("timed out after 10s while waiting for the response headers", failure.Message);
        Assert.Contains(server.Url().ToString(), failure.Message);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task GetAsync_RedirectTargetNeverAnswers_TimesOutNamingTheTarget()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/old")
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = "/slow";
                return;
            }

            entered.TrySetResult();
            await never.Task.WaitAsync(context.RequestAborted);
        });
        var clock = new SignallingClock();
        using var client = Fetches.Client(clock);

        var call = client.GetAsync(Fetches.For(server.Url("/old")), CancellationToken.None);
        await entered.Task;
        clock.Advance(Fetches.Budget);
        var failure = await Assert.ThrowsAsync<JwksFetchException>(() => call);

        Assert.Equal(FetchFailureKind.Timeout, failure.Kind);
        Assert.Equal(server.Url("/slow"), failure.Url);
        Assert.StartsWith($"Fetching {server.Url("/slow")} timed out after", failure.Message);
    }

    [Fact]
    public async Task GetAsync_BodyStallsAfterOneByte_TimesOutWhileReadingTheBody()
    {
        var never = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentLength = 100;
            await context.Response.Body.WriteAsync("{"u8.ToArray());
            await context.Response.Body.FlushAsync();
            await never.Task.WaitAsync(context.RequestAborted);
        });
        var clock = new SignallingClock();
        using var client = Fetches.Client(clock);
        var readingBody = SignalWhenReadingTheBody(client);

        var call = client.GetAsync(Fetches.For(server.Url()), CancellationToken.None);
        await readingBody;
        clock.Advance(Fetches.Budget - TimeSpan.FromMilliseconds(1));
        var stillRunning = !call.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var failure = await Assert.ThrowsAsync<JwksFetchException>(() => call);

        Assert.True(stillRunning, "the attempt ended before its budget was spent");
        Assert.Equal(FetchFailureKind.Timeout, failure.Kind);
        Assert.Contains("while reading the body", failure.Message);
    }

    [Fact]
    public async Task GetAsync_QuickRetriesThenStall_StayInsideOneBudget()
    {
        var seen = 0;
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref seen) == 1)
            {
                context.Response.StatusCode = 502;
                return;
            }

            stalled.TrySetResult();
            await never.Task.WaitAsync(context.RequestAborted);
        });
        var clock = new SignallingClock();
        using var client = Fetches.Client(clock);

        var call = clock.RunAsync(client.GetAsync(Fetches.For(server.Url(), retries: 2), CancellationToken.None),
            Fetches.Budget);
        await stalled.Task;
        clock.Advance(Fetches.Budget);
        var failure = await Assert.ThrowsAsync<JwksFetchException>(() => call);

        Assert.Equal(FetchFailureKind.Timeout, failure.Kind);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task GetAsync_BodyTricklesOneByteASecond_TimesOutWhenTheBudgetIsSpent()
    {
        var ticks = Channel.CreateUnbounded<bool>();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentLength = 100;
            await context.Response.Body.WriteAsync("{"u8.ToArray());
            await context.Response.Body.FlushAsync();
            try
            {
                await foreach (var tick in ticks.Reader.ReadAllAsync(context.RequestAborted))
                {
                    await context.Response.Body.WriteAsync(" "u8.ToArray(), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                // The client gave up: the end this server waits for.
            }
        });
        var clock = new SignallingClock();
        using var client = Fetches.Client(clock);
        var readingBody = SignalWhenReadingTheBody(client);

        var call = client.GetAsync(Fetches.For(server.Url()), CancellationToken.None);
        await readingBody;
        for (var second = 1; second < Fetches.Budget.TotalSeconds; second++)
        {
            ticks.Writer.TryWrite(true);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var stillRunning = !call.IsCompleted;
        ticks.Writer.TryWrite(true);
        clock.Advance(TimeSpan.FromSeconds(1));
        var failure = await Assert.ThrowsAsync<JwksFetchException>(() => call);

        Assert.True(stillRunning, "the attempt ended before its budget was spent");
        Assert.Equal(FetchFailureKind.Timeout, failure.Kind);
        Assert.Contains("while reading the body", failure.Message);
    }

    /// <summary>Completes once the client is reading the body, so virtual time moves only after that.</summary>
    private static Task SignalWhenReadingTheBody(HttpJwksClient client)
    {
        var readingBody = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.PhaseObserver = phase =>
        {
            if (phase == AttemptPhase.Body)
            {
                readingBody.TrySetResult();
            }
        };
        return readingBody.Task;
    }
}
