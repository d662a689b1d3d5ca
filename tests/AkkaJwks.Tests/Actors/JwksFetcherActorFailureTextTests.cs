using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Http;

namespace AkkaJwks.Tests.Actors;

/// <summary>What a failed fetch's message says: the URL once, and no promise of keys the fetcher does not hold.</summary>
public class JwksFetcherActorFailureTextTests : FetcherTestKit
{
    [Theory]
    [InlineData("<html>sign in</html>", "is not well-formed JSON")]
    [InlineData("", "is empty; a JWKS object is expected")]
    public async Task NotJson_NamesTheUrlOnce(string document, string why)
    {
        var fetcher = StartFetcher();

        await AnswerAsync(fetch => fetch.Respond(TestDocuments.Ok(TestDocuments.Raw(document))));
        var state = await StateAsync(fetcher);

        Assert.Equal(FetchFailureKind.NotJson, state.LastErrorKind);
        Assert.StartsWith($"The document from {state.Options.Url} {why}", state.LastError);
        Assert.Single(state.LastError!.Split("://").Skip(1));
        Assert.DoesNotContain("The input does not contain any JSON tokens", state.LastError);
    }

    [Fact]
    public async Task NoUsableKeys_BeforeAnyKeys_SaysNoKeysAreHeldYet()
    {
        var fetcher = StartFetcher();

        await AnswerAsync(fetch => fetch.Respond(TestDocuments.Ok(TestDocuments.Raw("""{"keys":[]}"""))));
        var state = await StateAsync(fetcher);

        Assert.Equal(FetchFailureKind.NoUsableKeys, state.LastErrorKind);
        Assert.EndsWith("and no keys are held yet", state.LastError);
        Assert.DoesNotContain("last good keys", state.LastError);
    }

    [Fact]
    public async Task NoUsableKeys_AfterASuccess_SaysTheLastGoodKeysAreKept()
    {
        var fetcher = await StartReadyAsync("a");
        await fetcher.Ask<RefreshAccepted>(new Refresh("idp"), AskTimeout);

        await AnswerAsync(fetch => fetch.Respond(TestDocuments.Ok(TestDocuments.Raw("""{"keys":[]}"""))));
        var state = await StateAsync(fetcher);

        Assert.Equal(FetchFailureKind.NoUsableKeys, state.LastErrorKind);
        Assert.EndsWith("the last good keys are kept", state.LastError);
    }
}
