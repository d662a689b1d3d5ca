namespace AkkaJwks.Http;

/// <summary>A fetch of a JWKS document failed; <see cref="Kind"/> says how, the message says what to do.</summary>
public sealed class JwksFetchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JwksFetchException(
        FetchFailureKind kind, Uri url, string message, int? statusCode = null, TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Url = url;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>How the fetch failed.</summary>
    public FetchFailureKind Kind { get; }

    /// <summary>The URL that was fetched.</summary>
    public Uri Url { get; }

    /// <summary>The HTTP status code, when the server answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The server's <c>Retry-After</c>, when it sent one with a 429 or 503.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// The keys the document's parse refused (index, kid, reason; never key material) when no usable signing key was
    /// left (<see cref="FetchFailureKind.NoUsableKeys"/>); empty otherwise.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<Keys.RefusedKey> Refused { get; init; } = [];
}
