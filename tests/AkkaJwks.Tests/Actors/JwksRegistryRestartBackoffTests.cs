using Akka.Actor;
using Akka.Pattern;
using AkkaJwks.Actors;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Actors;

/// <summary>
/// A fetcher that crashes again soon after each restart (say on every fetch of a document that trips a bug) must be
/// restarted after a wait that doubles, not every min-backoff: each restart fetches at once, so a storm would hammer
/// the endpoint.
/// </summary>
public sealed class JwksRegistryRestartBackoffTests : JwksRegistryTestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CrashAgainAfterRunningBrieflySinceTheRestart_NextRestartWaitsTwiceAsLong()
    {
        var registry = Registry();
        registry.Tell(new StartFetcher(Options("google")));
        var supervisor = (await ExpectMsgAsync<FetcherStarted>()).Fetcher;
        var first = await Starts.ExpectMsgAsync<FakeFetcher.Started>();
        await CrashAsync(first.Self, supervisor);
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        var second = await Starts.ExpectMsgAsync<FakeFetcher.Started>();

        // The restarted fetcher runs for a second (a fetch takes that long), then crashes again.
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        await ChildAsync(supervisor);
        await CrashAsync(second.Self, supervisor);
        Scheduler.Advance(TimeSpan.FromMilliseconds(150));
        var afterMinBackoff = await ChildAsync(supervisor);
        Scheduler.Advance(TimeSpan.FromMilliseconds(150));
        var afterTwice = await ChildAsync(supervisor);

        Assert.Null(afterMinBackoff);
        Assert.NotNull(afterTwice);
    }

    private async Task CrashAsync(IActorRef fetcher, IActorRef supervisor)
    {
        await EventFilter.Exception<InvalidOperationException>().ExpectOneAsync(() =>
        {
            fetcher.Tell(FakeFetcher.Crash.Instance);
            return Task.CompletedTask;
        });
        await this.AwaitRestartScheduledAsync(supervisor);
    }

    /// <summary>The supervisor's child; also a barrier: what virtual time made due to it has been handled.</summary>
    private static async Task<IActorRef?> ChildAsync(IActorRef supervisor) =>
        (await supervisor.Ask<BackoffSupervisor.CurrentChild>(BackoffSupervisor.GetCurrentChild.Instance, Wait)).Ref;
}
