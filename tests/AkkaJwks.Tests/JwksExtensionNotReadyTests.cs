using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Tests.Actors;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests;

/// <summary>
/// <see cref="JwksExtension.GetKeysAsync"/> before the first fetch has ended: it waits for that fetch up to its timeout,
/// and when the time runs out first it says the keys are not ready and why, not just that an ask timed out.
/// </summary>
public sealed class JwksExtensionNotReadyTests : VirtualTimeTestKit
{
    [Fact]
    public async Task GetKeysAsync_FirstFetchStillRunningWhenTheWaitEnds_KeysNotReadySayingSo()
    {
        var jwks = Sys.Jwks();
        var client = new FakeJwksHttpClient();
        await jwks.StartFetcherAsync(
            JwksFetcherOptions.Create("idp", TestDocuments.Url) with { HttpClient = client }, Wait);
        var first = await client.NextAsync();
        // The request leaves before the fetcher has noted its start (what the timed-out ask is explained from):
        // an ask it answers is handled after that.
        await jwks.GetStateAsync("idp", Wait);

        // The ask's timeout is the only real-time wait: the fetch never ends while it runs.
        var error = await Assert.ThrowsAsync<KeysNotReadyException>(
            () => jwks.GetKeysAsync("idp", TimeSpan.FromMilliseconds(100)).AsTask().WaitAsync(Wait));
        first.RespondKeys("a");

        Assert.Equal("idp", error.Name);
        Assert.Contains("its first fetch from https://issuer.test/jwks is still running", error.Message);
        Assert.Contains("request-timeout 10s", error.Message);
        Assert.IsType<AskTimeoutException>(error.InnerException);
    }
}
