using AkkaJwks.Http;

namespace AkkaJwks.Tests.Http;

/// <summary>Requests and clients for the HTTP tests, with small explicit limits chosen per test.</summary>
internal static class Fetches
{
    /// <summary>The attempt budget in these tests; only a test's own clock ever reaches it.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    public static JwksHttpRequest For(Uri url, int retries = 0, long maxBytes = 64 * 1024, int maxRedirects = 2) =>
        new()
        {
            Url = url,
            Timeout = Budget,
            MaxResponseBytes = maxBytes,
            MaxRedirects = maxRedirects,
            TransientRetries = retries,
        };

    public static HttpJwksClient Client(TimeProvider clock, int maxHeadersBytes = 16 * 1024) =>
        new(new HttpJwksClientOptions { TimeProvider = clock, MaxResponseHeadersBytes = maxHeadersBytes });

    public static HttpJwksClient Client(HttpJwksClientOptions options) => new(options);
}
