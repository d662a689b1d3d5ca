using System.Net.Http;
using AkkaJwks.Keys;

namespace AkkaJwks.Http;

/// <summary>
/// Reads a final (not redirecting) response: a 2xx body within its size limit, a 304, or a failure that says which
/// status came back and when the server asked to be tried again.
/// </summary>
internal static class JwksResponseReader
{
    private const int FirstBufferBytes = 16 * 1024;

    public static async Task<JwksHttpResponse> ReadAsync(
        HttpResponseMessage response, Uri url, JwksHttpRequest request, AttemptState state, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status == 304)
        {
            return Describe(response, url, status, ReadOnlyMemory<byte>.Empty);
        }

        if (status is < 200 or > 299)
        {
            throw StatusFailure(response, url, clock);
        }

        var body = await ReadBodyAsync(response.Content, url, request.MaxResponseBytes, state, cancellationToken)
            .ConfigureAwait(false);
        return Describe(response, url, status, body);
    }

    /// <summary>A status that is neither success, not-modified nor a followed redirect.</summary>
    public static JwksFetchException StatusFailure(HttpResponseMessage response, Uri url, TimeProvider clock)
    {
        var status = (int)response.StatusCode;
        var retryAfter = status is 429 or 503 ? RetryAfter(response, clock) : null;
        var asked = retryAfter is { } wait
            ? $" and asked to be tried again after {Configuration.JwksDurations.Readable(wait)}"
            : string.Empty;
        var advice = status switch
        {
            429 => "the endpoint is rate limiting; fetch it less often",
            < 500 => "check the URL and any headers the endpoint needs",
            _ => "the endpoint is failing on its side",
        };
        // The reason phrase is the server's to write, up to the header limit and with any byte but CR and LF.
        var reason = JwkDisplay.Safe(response.ReasonPhrase ?? string.Empty);
        return new JwksFetchException(FetchFailureKind.HttpStatus, url,
            $"{FetchFailures.Fetching(url)} failed: the server answered {status} {reason}{asked}; "
            + $"{advice}.",
            status, retryAfter);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(
        HttpContent content, Uri url, long limit, AttemptState state, CancellationToken cancellationToken)
    {
        // Content-Length is gone when the handler decodes gzip or brotli; then only the count below holds the limit.
        var declared = content.Headers.ContentLength;
        if (declared > limit)
        {
            throw FetchFailures.TooLarge(url, limit, declared);
        }

        state.Phase = AttemptPhase.Body;
        state.DeclaredBytes = declared;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var _ = stream.ConfigureAwait(false);
        var buffer = new byte[Math.Max(1, Math.Min(declared ?? FirstBufferBytes, limit + 1))];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, limit + 1));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
            state.BodyBytes = total;
            if (total > limit)
            {
                throw FetchFailures.TooLarge(url, limit, seen: null);
            }
        }

        if (declared is { } length && total < length)
        {
            throw FetchFailures.Truncated(url, total, length);
        }

        return buffer.AsMemory(0, total);
    }

    private static JwksHttpResponse Describe(
        HttpResponseMessage response, Uri url, int status, ReadOnlyMemory<byte> body)
    {
        var cacheControl = response.Headers.CacheControl;
        return new JwksHttpResponse
        {
            StatusCode = status,
            Body = body,
            FinalUrl = url,
            ETag = response.Headers.ETag?.ToString(),
            LastModified = response.Content.Headers.LastModified,
            MaxAge = cacheControl?.MaxAge,
            NoCache = cacheControl is { NoCache: true } or { NoStore: true },

            // An Expires that does not parse (often "0" or "-1") reads as DateTimeOffset.MinValue: already expired,
            // as RFC 9111 section 5.3 asks.
            Expires = response.Content.Headers.Expires,
            Date = response.Headers.Date,
            Age = response.Headers.Age,
        };
    }

    /// <summary>
    /// The server's Retry-After: delta-seconds as given, an HTTP-date against the response's Date (the server's own
    /// clock) or, without one, against this machine's; a date in the past means now.
    /// </summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is not { } date)
        {
            return null;
        }

        var now = response.Headers.Date ?? clock.GetUtcNow();
        return date > now ? date - now : TimeSpan.Zero;
    }
}
