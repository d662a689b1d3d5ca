using System.Threading.Channels;
using AkkaJwks.Http;

namespace AkkaJwks.Tests.Actors;

/// <summary>A hand-driven <see cref="IJwksHttpClient"/>: every request waits until the test answers it.</summary>
internal sealed class FakeJwksHttpClient : IJwksHttpClient
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Channel<PendingFetch> _pending = Channel.CreateUnbounded<PendingFetch>();
    private int _requestCount;

    public int RequestCount => Volatile.Read(ref _requestCount);

    public Task<JwksHttpResponse> GetAsync(JwksHttpRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requestCount);
        var fetch = new PendingFetch(request, cancellationToken);
        _pending.Writer.TryWrite(fetch);
        return fetch.Response;
    }

    /// <summary>The next request the fetcher made; fails the test when none comes within 30 seconds.</summary>
    public async Task<PendingFetch> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _pending.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Whether a request is waiting that the test has not taken yet.</summary>
    public bool HasPending => _pending.Reader.Count > 0;
}

/// <summary>One request of <see cref="FakeJwksHttpClient"/>, answered by the test.</summary>
internal sealed class PendingFetch
{
    private readonly TaskCompletionSource<JwksHttpResponse> _response = new();

    public PendingFetch(JwksHttpRequest request, CancellationToken cancellationToken)
    {
        Request = request;
        Token = cancellationToken;
        cancellationToken.Register(() => _response.TrySetCanceled(cancellationToken));
    }

    public JwksHttpRequest Request { get; }

    public CancellationToken Token { get; }

    public Task<JwksHttpResponse> Response => _response.Task;

    public void Respond(JwksHttpResponse response) => _response.SetResult(response);

    public void RespondKeys(params string[] kids) => Respond(TestDocuments.Ok(TestDocuments.Jwks(kids)));

    public void Fail(FetchFailureKind kind, TimeSpan? retryAfter = null) => _response.SetException(
        new JwksFetchException(kind, Request.Url, $"test failure {kind}", retryAfter: retryAfter));
}
