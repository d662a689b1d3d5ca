namespace AkkaJwks.Http;

/// <summary>A successful answer: a document, or <c>304 Not Modified</c> to a conditional request.</summary>
public sealed record JwksHttpResponse
{
    /// <summary>The status code: 200 (or another 2xx) with a body, or 304.</summary>
    public required int StatusCode { get; init; }

    /// <summary>Whether the server answered <c>304 Not Modified</c>; then <see cref="Body"/> is empty.</summary>
    public bool NotModified => StatusCode == 304;

    /// <summary>The decoded body (gzip and brotli undone).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The URL that answered, after redirects.</summary>
    public required Uri FinalUrl { get; init; }

    /// <summary>The response's <c>ETag</c>.</summary>
    public string? ETag { get; init; }

    /// <summary>The response's <c>Last-Modified</c>.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The response's <c>Cache-Control: max-age</c>.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>Whether <c>Cache-Control</c> said <c>no-cache</c> or <c>no-store</c>.</summary>
    public bool NoCache { get; init; }

    /// <summary>The response's <c>Expires</c>.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>The response's <c>Date</c>, to read <see cref="Expires"/> against the server's clock.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The response's <c>Age</c>, subtracted from <see cref="MaxAge"/>.</summary>
    public TimeSpan? Age { get; init; }
}
