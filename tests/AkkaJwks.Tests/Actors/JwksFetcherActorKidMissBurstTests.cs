using System.Reflection;
using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Keys;

namespace AkkaJwks.Tests.Actors;

/// <summary>
/// A burst of look-ups with unknown kids (random kids from forged tokens) waits on one refresh; once they are answered,
/// the fetcher must not keep the room it needed for them.
/// </summary>
public class JwksFetcherActorKidMissBurstTests : FetcherTestKit
{
    private const int Burst = 100_000;

    [Fact]
    public async Task BurstOfRandomKids_OnceAnswered_GivesBackTheWaitersRoom()
    {
        var fetcher = await StartReadyAsync("a");
        var answers = CreateTestProbe();
        for (var i = 0; i < Burst; i++)
        {
            fetcher.Tell(new GetKey("idp", $"forged-{i}"), answers);
        }

        (await NextRequestAsync(fetcher)).RespondKeys("a");
        await TookAnswerAsync();
        var roomAfter = WaitersCapacity(fetcher);
        var first = await answers.ExpectMsgAsync<Status.Failure>();

        Assert.IsType<JwkNotFoundException>(first.Cause);
        Assert.True(roomAfter <= 1024, $"the fetcher keeps room for {roomAfter} waiters after the burst of {Burst}");
    }

    /// <summary>The capacity of the fetcher's list of kid waiters; read while the fetcher is idle (after a barrier).</summary>
    private static int WaitersCapacity(IActorRef fetcher)
    {
        var cell = (ActorCell)((ActorRefWithCell)fetcher).Underlying;
        var actor = typeof(ActorCell).GetProperty("Actor", BindingFlags.NonPublic | BindingFlags.Instance)!
            .GetValue(cell);
        var field = typeof(JwksFetcherActor).GetField("_kidWaiters", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var waiters = (System.Collections.ICollection)field.GetValue(actor)!;
        return (int)waiters.GetType().GetProperty("Capacity")!.GetValue(waiters)!;
    }
}
