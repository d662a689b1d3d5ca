namespace AkkaJwks.Http;

/// <summary>One request for a JWKS document, with every limit that bounds it.</summary>
public sealed record JwksHttpRequest
{
    /// <summary>The document's absolute URL.</summary>
    public required Uri Url { get; init; }

    /// <summary>Extra request headers (the seed's <c>http_opts</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>ETag</c> of the last document, sent as <c>If-None-Match</c>.</summary>
    public string? IfNoneMatch { get; init; }

    /// <summary>The <c>Last-Modified</c> of the last document, sent as <c>If-Modified-Since</c>.</summary>
    public DateTimeOffset? IfModifiedSince { get; init; }

    /// <summary>The whole attempt's budget: connect, headers, body and quick retries.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>The most bytes a body may have, enforced while reading.</summary>
    public required long MaxResponseBytes { get; init; }

    /// <summary>The most redirects followed.</summary>
    public required int MaxRedirects { get; init; }

    /// <summary>How many quick retries of transient failures fit inside <see cref="Timeout"/>.</summary>
    public required int TransientRetries { get; init; }

    /// <summary>Whether plain HTTP to a host other than loopback is allowed (never from https to http).</summary>
    public bool AllowInsecureHttp { get; init; }
}
