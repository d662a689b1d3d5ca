using AkkaJwks.Configuration;
using AkkaJwks.Http;

namespace AkkaJwks;

/// <summary>Makes the built-in HTTP client of a fetcher whose options and setup name none.</summary>
internal static class JwksDefaultHttpClient
{
    public static IJwksHttpClient Create(JwksFetcherOptions options) =>
        new HttpJwksClient(new HttpJwksClientOptions
        {
            PinnedSpkiSha256 = options.PinnedSpkiSha256,
            MaxResponseHeadersBytes = options.MaxResponseHeadersBytes,
            ServerCertificateValidation = options.ServerCertificateValidation,
        });
}
