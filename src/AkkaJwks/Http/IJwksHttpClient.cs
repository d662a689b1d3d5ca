namespace AkkaJwks.Http;

/// <summary>
/// Gets one JWKS document over HTTP: one bounded attempt (with a few quick retries of transient failures inside
/// its budget). The fetcher actor owns the long rhythm of refresh and retry. The seed's <c>http_client</c>.
/// </summary>
public interface IJwksHttpClient
{
    /// <summary>Gets the document named by <paramref name="request"/>.</summary>
    /// <returns>The body and its caching headers, or a not-modified answer to a conditional request.</returns>
    /// <exception cref="JwksFetchException">The attempt failed; its <see cref="JwksFetchException.Kind"/> says how.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<JwksHttpResponse> GetAsync(JwksHttpRequest request, CancellationToken cancellationToken);
}
