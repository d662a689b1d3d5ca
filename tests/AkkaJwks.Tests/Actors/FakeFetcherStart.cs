using AkkaJwks.Actors;
using AkkaJwks.Configuration;

namespace AkkaJwks.Tests.Actors;

/// <summary>Starts a sync-init fetcher on a hand-driven client and answers its first fetch.</summary>
internal static class FakeFetcherStart
{
    public static async Task<(FakeJwksHttpClient Client, FetcherStarted Started)> StartReadyAsync(
        this JwksExtension jwks, string name, params string[] kids)
    {
        var client = new FakeJwksHttpClient();
        var starting = jwks.StartFetcherAsync(JwksFetcherOptions.Create(name, TestDocuments.Url) with
        {
            SyncInit = true,
            HttpClient = client,
        });
        (await client.NextAsync()).RespondKeys(kids);
        return (client, await starting);
    }
}
