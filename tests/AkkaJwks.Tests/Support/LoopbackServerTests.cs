namespace AkkaJwks.Tests.Support;

public class LoopbackServerTests
{
    [Fact]
    public async Task ServingAsync_Request_AnswersTheDocumentAndCountsIt()
    {
        await using var server = await LoopbackServer.ServingAsync("""{"keys":[]}""");
        using var client = new HttpClient();

        var body = await client.GetStringAsync(server.Url());

        Assert.Equal("""{"keys":[]}""", body);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal("127.0.0.1", server.BaseUri.Host);
    }
}
