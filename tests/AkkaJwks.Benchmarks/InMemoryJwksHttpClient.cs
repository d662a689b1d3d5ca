using AkkaJwks.Http;

namespace AkkaJwks.Benchmarks;

/// <summary>
/// Answers every fetch with the same document, so a benchmark's fetcher publishes keys without a network.
/// </summary>
internal sealed class InMemoryJwksHttpClient(byte[] document) : IJwksHttpClient
{
    public Task<JwksHttpResponse> GetAsync(JwksHttpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new JwksHttpResponse { StatusCode = 200, Body = document, FinalUrl = request.Url });
}
