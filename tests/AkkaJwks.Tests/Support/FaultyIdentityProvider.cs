using System.Globalization;
using System.Text;
using AkkaJwks.Http;
using AkkaJwks.Tests.Actors;
using Microsoft.AspNetCore.Http;

namespace AkkaJwks.Tests.Support;

/// <summary>
/// An identity provider on a real <see cref="LoopbackServer"/> that answers its n-th request with the n-th step of
/// a script (the last step repeats), each step a way real endpoints fail. Its <see cref="Client"/> is a real
/// <see cref="HttpJwksClient"/> that tells the server when it reads a body, so a truncation lands mid-body.
/// </summary>
internal sealed class FaultyIdentityProvider : IAsyncDisposable
{
    private readonly Func<FaultyIdentityProvider, HttpContext, Task>[] _script;
    private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackServer? _server;
    private int _served;
    private TaskCompletionSource _readingBody = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FaultyIdentityProvider(Func<FaultyIdentityProvider, HttpContext, Task>[] script)
    {
        _script = script;
        Client = new HttpJwksClient(new HttpJwksClientOptions { MaxResponseHeadersBytes = 1 << 16 });
        Client.PhaseObserver = phase =>
        {
            if (phase == AttemptPhase.Body)
            {
                Volatile.Read(ref _readingBody).TrySetResult();
            }
        };
    }

    /// <summary>A real client whose reads of a body the <see cref="Truncated"/> step waits for.</summary>
    public HttpJwksClient Client { get; }

    public Uri Url => _server!.Url();

    public int RequestCount => _server!.RequestCount;

    /// <summary>Completes when the request held by a <see cref="Hang"/> step was aborted by the client.</summary>
    public Task Aborted => _aborted.Task;

    /// <summary>Completes when a <see cref="Hang"/> step holds a request.</summary>
    public Task Hanging => _hanging.Task;

    public static async Task<FaultyIdentityProvider> StartAsync(
        params Func<FaultyIdentityProvider, HttpContext, Task>[] script)
    {
        var provider = new FaultyIdentityProvider(script);
        provider._server = await LoopbackServer.StartAsync(provider.HandleAsync);
        return provider;
    }

    /// <summary>A JWKS of one P-256 key per kid.</summary>
    public static Func<FaultyIdentityProvider, HttpContext, Task> Serve(params string[] kids) => (_, context) =>
    {
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(TestDocuments.Jwks(kids)).AsTask();
    };

    public static Func<FaultyIdentityProvider, HttpContext, Task> Answer(int status, int? retryAfterSeconds = null) =>
        (_, context) =>
        {
            context.Response.StatusCode = status;
            if (retryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        };

    /// <summary>Resets the connection before any response.</summary>
    public static Task Reset(FaultyIdentityProvider provider, HttpContext context)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    /// <summary>A login page with status 200, as a misrouted proxy answers.</summary>
    public static Task Html(FaultyIdentityProvider provider, HttpContext context)
    {
        context.Response.ContentType = "text/html";
        return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<html><body>Sign in</body></html>")).AsTask();
    }

    /// <summary>Declares 1000 bytes, sends 10 and resets once the client is reading the body.</summary>
    public static async Task Truncated(FaultyIdentityProvider provider, HttpContext context)
    {
        context.Response.ContentLength = 1000;
        await context.Response.Body.WriteAsync(new byte[10]);
        await context.Response.Body.FlushAsync();
        await provider._readingBody.Task;
        context.Abort();
    }

    /// <summary>Never answers; notes when the client gives the request up.</summary>
    public static async Task Hang(FaultyIdentityProvider provider, HttpContext context)
    {
        context.RequestAborted.Register(() => provider._aborted.TrySetResult());
        provider._hanging.TrySetResult();
        try
        {
            await new TaskCompletionSource().Task.WaitAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client went away: the end this step waits for.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server!.DisposeAsync();
    }

    private Task HandleAsync(HttpContext context)
    {
        var index = Math.Min(Interlocked.Increment(ref _served), _script.Length) - 1;
        Volatile.Write(ref _readingBody, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return _script[index](this, context);
    }
}
