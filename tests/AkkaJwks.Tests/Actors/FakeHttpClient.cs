using AkkaJwks.Http;

namespace AkkaJwks.Tests.Actors;

/// <summary>An HTTP client that is never called; it only counts its disposals.</summary>
internal sealed class FakeHttpClient : IJwksHttpClient, IDisposable
{
    private int _disposals;

    public int Disposals => Volatile.Read(ref _disposals);

    public Task<JwksHttpResponse> GetAsync(JwksHttpRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the fake fetcher never fetches");

    public void Dispose() => Interlocked.Increment(ref _disposals);
}
