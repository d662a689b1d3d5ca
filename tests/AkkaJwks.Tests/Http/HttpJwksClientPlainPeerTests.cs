using AkkaJwks.Http;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Http;

public class HttpJwksClientPlainPeerTests
{
    [Fact]
    public async Task GetAsync_HttpsUrlToPlainHttpServer_SaysTheServerDidNotAnswerWithTls()
    {
        await using var server = await LoopbackServer.ServingAsync("""{"keys":[]}""");
        var url = new UriBuilder(server.Url()) { Scheme = "https" }.Uri;
        using var client = Fetches.Client(TimeProvider.System);

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(url), CancellationToken.None));

        Assert.True(failure.Kind == FetchFailureKind.Tls, failure.ToString());
        Assert.Contains("the server did not answer with TLS", failure.Message);
        Assert.Contains("plain http", failure.Message);
        Assert.DoesNotContain("trust the certificate", failure.Message);
        Assert.DoesNotContain("frame", failure.Message);
    }
}
