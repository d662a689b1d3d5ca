using Akka.Actor;
using AkkaJwks.Actors;

namespace AkkaJwks.Tests.Actors;

/// <summary>
/// The registry forgets a stopped fetcher's keys before the fetcher itself has stopped: the stop reaches it through
/// its back-off supervisor, and until then it may still take the outcome of a fetch. That outcome must not publish.
/// </summary>
public class JwksFetcherActorStalePublishTests : FetcherTestKit
{
    [Fact]
    public async Task FetchEndsAfterTheNameWasRemoved_PublishesNothing()
    {
        var fetcher = StartFetcher();
        var pending = await NextRequestAsync(fetcher);

        // What the registry does on StopFetcher, before the stop reaches the fetcher.
        Snapshots.Remove("idp");
        pending.RespondKeys("old");
        await TookAnswerAsync();

        Assert.False(Snapshots.TryGet("idp", out var published), $"published {published?.Keys.Length} keys");
    }

    [Fact]
    public async Task FetchOfTheStoppedFetcherEndsAfterANewStartOfTheName_LeavesTheNewOneEmpty()
    {
        var fetcher = await StartReadyAsync("a");
        await fetcher.Ask<RefreshAccepted>(new Refresh("idp"), AskTimeout);
        var late = await NextRequestAsync(fetcher);

        // StopFetcher then StartFetcher of the same name: the new fetcher gets a fresh memory and starts empty.
        Snapshots.Remove("idp");
        Snapshots.Started(TestOptions() with { Url = new Uri("https://other.example/jwks") });
        late.RespondKeys("stale");
        await TookAnswerAsync();

        Assert.False(Snapshots.TryGet("idp", out var published), $"published {published?.Keys.Length} keys");
    }
}
