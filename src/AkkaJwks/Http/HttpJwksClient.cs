using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AkkaJwks.Http;

/// <summary>
/// The default <see cref="IJwksHttpClient"/>, on one pooled <see cref="SocketsHttpHandler"/>. One call is one bounded
/// attempt: a total timeout over connecting, headers, the whole body and a few quick retries of transient failures;
/// a body size limit counted on the decoded bytes; redirects followed by hand, never from https to http; and every
/// failure as a <see cref="JwksFetchException"/> whose kind and message say what went wrong.
/// </summary>
public sealed class HttpJwksClient : IJwksHttpClient, IDisposable
{
    // The quick retries only ride out a blip inside one attempt (the actor owns the long rhythm), so their delays
    // are fixed here rather than configured: tenths of a second, far inside any request-timeout worth having.
    private static readonly TimeSpan QuickRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan QuickRetryMaxDelay = TimeSpan.FromSeconds(1);

    private readonly HttpJwksClientOptions _options;
    private readonly HttpClient _client;
    private readonly ServerCertificateCheck _check;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <exception cref="ArgumentException">A pin is not base64 of 32 bytes, or the header limit is not positive.
    /// </exception>
    public HttpJwksClient(HttpJwksClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxResponseHeadersBytes);
        foreach (var pin in options.PinnedSpkiSha256)
        {
            if (!JwksSpkiPin.IsWellFormed(pin))
            {
                throw new ArgumentException(
                    $"pinned-spki-sha256 holds '{pin}', which is not base64 of a 32-byte SHA-256; compute pins with " +
                    "JwksSpkiPin.Compute", nameof(options));
            }
        }

        _options = options;
        _check = new ServerCertificateCheck(options);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Brotli |
                DecompressionMethods.Deflate,
            MaxResponseHeadersLength = (int)Math.Ceiling(options.MaxResponseHeadersBytes / 1024.0),
            UseCookies = false,

            // A body left unread (too large, timed out, an error page) comes from a server not worth waiting on:
            // closing that connection is cheaper than draining it.
            MaxResponseDrainSize = 0,
            ConnectCallback = ConnectAsync,
            SslOptions = { RemoteCertificateValidationCallback = _check.Validate },
        };

        // The attempt's own timeout bounds every call, so the client's would only get in its way.
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>Hears each phase an attempt enters; lets a test act once the body is being read.</summary>
    internal Action<AttemptPhase>? PhaseObserver { get; set; }

    /// <inheritdoc />
    public async Task<JwksHttpResponse> GetAsync(JwksHttpRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var refusal = JwksTransportPolicy.Check(request.Url, request.AllowInsecureHttp);
        if (refusal is not null)
        {
            throw new JwksFetchException(FetchFailureKind.InsecureTransport, request.Url,
                $"{FetchFailures.Fetching(request.Url)} was refused before any network access: {refusal}.");
        }

        var state = new AttemptState(PhaseObserver);
        try
        {
            return await Pipeline(request).ExecuteAsync(
                static (call, token) =>
                    new ValueTask<JwksHttpResponse>(call.Client.FollowAsync(call.Request, call.State, token)),
                (Client: this, Request: request, State: state), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException timeout)
        {
            // Named like every other failure: after a redirect, by the URL that kept the attempt waiting.
            throw FetchFailures.Timeout(state.Url ?? request.Url, request.Timeout, state, timeout);
        }
    }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _client.Dispose();

    private static void Validate(JwksHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The span Polly's timeout accepts.
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Timeout, TimeSpan.FromMilliseconds(10), nameof(request));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(
            request.Timeout, Configuration.JwksFetcherOptionsValidator.MaxRequestTimeout, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.MaxResponseBytes, nameof(request));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(
            request.MaxResponseBytes, Array.MaxLength, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegative(request.MaxRedirects, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegative(request.TransientRetries, nameof(request));
    }

    private static bool IsTransient(JwksFetchException failure) => failure.Kind switch
    {
        FetchFailureKind.ConnectionRefused or FetchFailureKind.ConnectionReset => true,

        // A Retry-After goes back to the actor, which waits as asked instead of knocking again at once.
        FetchFailureKind.HttpStatus => failure.RetryAfter is null && failure.StatusCode is 408 or (>= 500 and not 501),
        _ => false,
    };

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken token)
    {
        var state = AttemptState.Of(context.InitialRequestMessage);
        if (state is not null)
        {
            state.Phase = AttemptPhase.Connecting;
        }

        // The pool would finish a connect on its own token after the attempt gave up; tie it to the attempt's.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(token, state?.Cancellation ?? default);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, bounded.Token).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (state is not null)
        {
            state.Phase = AttemptPhase.Headers;
        }

        return new NetworkStream(socket, ownsSocket: true);
    }

    private ResiliencePipeline Pipeline(JwksHttpRequest request)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _options.TimeProvider }
            .AddTimeout(request.Timeout);
        if (request.TransientRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = request.TransientRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = QuickRetryDelay,
                MaxDelay = QuickRetryMaxDelay,
                ShouldHandle = new PredicateBuilder().Handle<JwksFetchException>(IsTransient),
            });
        }

        return builder.Build();
    }

    private async Task<JwksHttpResponse> FollowAsync(
        JwksHttpRequest request, AttemptState state, CancellationToken token)
    {
        state.BeginTry(token);
        var url = request.Url;
        var visited = new HashSet<Uri> { url };
        for (var redirects = 0; ; redirects++)
        {
            state.Url = url;
            try
            {
                using var message = Message(request, url, state);
                using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token)
                    .ConfigureAwait(false);
                if (!IsRedirect(response.StatusCode))
                {
                    return await JwksResponseReader
                        .ReadAsync(response, url, request, state, _options.TimeProvider, token)
                        .ConfigureAwait(false);
                }

                url = JwksRedirect.Next(response, url, request, visited, redirects, _options.TimeProvider);
            }
            catch (Exception exception)
                when (exception is not (OperationCanceledException or JwksFetchException or ArgumentException))
            {
                // A timeout or the caller's cancellation may surface as a torn connection; it stays a cancellation.
                token.ThrowIfCancellationRequested();
                state.TlsRefusal = _check.TakeRefusal(url);
                throw FetchFailures.Classify(exception, url, state, _options.MaxResponseHeadersBytes);
            }
        }
    }

    private static HttpRequestMessage Message(JwksHttpRequest request, Uri url, AttemptState state)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Options.Set(AttemptState.Key, state);

        // Extra headers may carry credentials, so they go to the configured origin only, never to a redirect's.
        if (Uri.Compare(url, request.Url, UriComponents.SchemeAndServer, UriFormat.Unescaped,
                StringComparison.OrdinalIgnoreCase) == 0)
        {
            foreach (var (name, value) in request.Headers)
            {
                if (!message.Headers.TryAddWithoutValidation(name, value))
                {
                    throw new ArgumentException(
                        $"The header '{name}' cannot be sent on a request; remove it from the fetcher's headers.",
                        nameof(request));
                }
            }
        }

        if (request.IfNoneMatch is { } etag)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        message.Headers.IfModifiedSince = request.IfModifiedSince;
        return message;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently
        or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect
        or HttpStatusCode.PermanentRedirect;
}
