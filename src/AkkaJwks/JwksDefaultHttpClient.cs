using AkkaJwks.Configuration;
using AkkaJwks.Http;

namespace AkkaJwks;

/// <summary>Makes the built-in HTTP client of a fetcher whose options and setup name none.</summary>
internal static class JwksDefaultHttpClient
{
    public static IJwksHttpClient Create(JwksFetcherOptions options) =>
        throw new NotSupportedException(
            $"Fetcher '{options.Name}': this build has no built-in HTTP client; set JwksFetcherOptions.HttpClient " +
            "or JwksSetup.HttpClientFactory.");
}
