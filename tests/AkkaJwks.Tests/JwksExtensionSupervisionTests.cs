using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Tests.Actors;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests;

public sealed class JwksExtensionSupervisionTests : TestKit
{
    public JwksExtensionSupervisionTests()
        : base(VirtualTime.Config)
    {
    }

    [Fact]
    public async Task Fetcher_Crashes_IsRestartedFromItsSnapshotWhileLookUpsKeepAnswering()
    {
        var jwks = Sys.Jwks();
        var (client, started) = await jwks.StartReadyAsync("idp", "a");
        var fetcher = await Sys.ActorSelection(started.Fetcher.Path / "fetcher").ResolveOne(RemainingOrDefault);
        Watch(fetcher);

        fetcher.Tell(Kill.Instance);
        ExpectTerminated(fetcher);

        Assert.True(jwks.TryGetKey("idp", "a", out _));
        Assert.Equal("a", (await jwks.GetKeyAsync("idp", "a")).Kid);
        Assert.Single((await jwks.GetKeysAsync("idp")).Keys);
        await this.AwaitRestartScheduledAsync(started.Fetcher);
        ((TestScheduler)Sys.Scheduler).Advance(TimeSpan.FromSeconds(1));
        await AwaitAssertAsync(async () =>
        {
            var restarted = await Sys.ActorSelection(started.Fetcher.Path / "fetcher").ResolveOne(RemainingOrDefault);
            Assert.NotEqual(fetcher, restarted);
        });
        var state = await jwks.GetStateAsync("idp");
        Assert.Equal(FetcherStatus.Ready, state.Status);
        Assert.Equal("a", Assert.Single(state.Keys!.Keys).Kid);
        Assert.Equal(1, client.RequestCount);
    }

    [Fact]
    public async Task CoordinatedShutdown_Run_StopsTheRegistry()
    {
        var registry = Sys.Jwks().Registry;
        Watch(registry);

        await CoordinatedShutdown.Get(Sys).Run(CoordinatedShutdown.ClrExitReason.Instance)
            .WaitAsync(RemainingOrDefault);

        ExpectTerminated(registry);
    }
}
