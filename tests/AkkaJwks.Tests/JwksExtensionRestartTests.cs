using Akka.Actor;
using Akka.Event;
using Akka.Pattern;
using AkkaJwks.Actors;
using AkkaJwks.Keys;
using AkkaJwks.Telemetry;
using AkkaJwks.Tests.Actors;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests;

/// <summary>
/// A fetcher killed under its back-off supervisor, in virtual time: every ask made while it waits to restart gets an
/// answer, and the restarted fetcher keeps what it knew besides its keys.
/// </summary>
public sealed class JwksExtensionRestartTests : VirtualTimeTestKit
{
    [Fact]
    public async Task Asks_WhileTheFetcherWaitsToRestart_AnsweredFromItsLastKeys()
    {
        var jwks = Sys.Jwks();
        var (client, started) = await jwks.StartReadyAsync("idp", "a");
        await KillAsync(started);
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));

        var state = await jwks.GetStateAsync("idp", Wait);
        var keys = await jwks.Registry.Ask<Jwks>(new GetKeys("idp"), Wait);
        var key = await jwks.Registry.Ask<Jwk>(new GetKey("idp", "a", "ES256"), Wait);
        var miss = await Assert.ThrowsAsync<JwkNotFoundException>(
            () => jwks.GetKeyAsync("idp", "rotated", timeout: Wait).AsTask());

        Assert.Equal(FetcherStatus.Restarting, state.Status);
        Assert.Equal("a", Assert.Single(state.Keys!.Keys).Kid);
        Assert.NotNull(state.LastSuccess);
        Assert.Null(state.NextFetchDue);
        Assert.True(keys.TryGetKey("a", out _));
        Assert.Equal("a", key.Kid);
        Assert.Equal("rotated", miss.Kid);
        Assert.Contains("restarting after a crash, so no refresh was tried", miss.Message);
        Assert.Equal(1, client.RequestCount);
        Assert.False(deadLetters.HasMessages, "the registry answers without a detour through dead letters");
    }

    [Fact]
    public async Task Refresh_WhileTheFetcherWaitsToRestart_AcceptedAndRunWhenItStarts()
    {
        var jwks = Sys.Jwks();
        var (client, started) = await jwks.StartReadyAsync("idp", "a");
        var fetches = CreateTestProbe();
        Sys.EventStream.Subscribe(fetches, typeof(JwksFetchStarted));
        var old = await KillAsync(started);

        var accepted = await jwks.RefreshAsync("idp", Wait);
        var before = client.RequestCount;
        await RestartAsync(started, old);
        (await client.NextAsync()).RespondKeys("a", "b");
        var trigger = (await fetches.ExpectMsgAsync<JwksFetchStarted>()).Trigger;
        await AwaitAssertAsync(async () => Assert.Equal(2, (await jwks.GetKeysAsync("idp")).Keys.Length));

        Assert.Equal("idp", accepted.Name);
        Assert.Equal(1, before);
        Assert.Equal("manual", trigger);
        Assert.Equal(2, client.RequestCount);
    }

    [Fact]
    public async Task Restart_AfterAKidWasFoundAbsent_KeepsTheCooldownAndTheAbsentKid()
    {
        var jwks = Sys.Jwks();
        var (client, started) = await jwks.StartReadyAsync("idp", "a");
        var forged = jwks.GetKeyAsync("idp", "forged", timeout: Wait).AsTask();
        (await client.NextAsync()).RespondKeys("a");
        await Assert.ThrowsAsync<JwkNotFoundException>(() => forged);
        var old = await KillAsync(started);
        await RestartAsync(started, old);

        var remembered = await Assert.ThrowsAsync<JwkNotFoundException>(
            () => jwks.GetKeyAsync("idp", "forged", timeout: Wait).AsTask());
        var cooling = await Assert.ThrowsAsync<JwkNotFoundException>(
            () => jwks.GetKeyAsync("idp", "other", timeout: Wait).AsTask());

        Assert.Contains("remembered as absent until", remembered.Message);
        Assert.Contains("cool-down is active until", cooling.Message);
        Assert.Equal(2, client.RequestCount);
    }

    /// <summary>
    /// Kills the supervised fetcher and waits until its supervisor has taken the death: from then on the restart is
    /// scheduled (in virtual time), and the supervisor waits for it.
    /// </summary>
    private async Task<IActorRef> KillAsync(FetcherStarted started)
    {
        var fetcher = await ChildAsync(started) ?? throw new InvalidOperationException("the fetcher is not running");
        Watch(fetcher);
        fetcher.Tell(Kill.Instance);
        await ExpectTerminatedAsync(fetcher, Wait);
        await AwaitAssertAsync(async () => Assert.Null(await ChildAsync(started)));
        return fetcher;
    }

    /// <summary>
    /// Lets the back-off pass (min-backoff and its spread) and waits until the new incarnation has started: it answers
    /// an ask only after its PreStart, and until then the registry still answers for it.
    /// </summary>
    private async Task RestartAsync(FetcherStarted started, IActorRef old)
    {
        Clock.Advance(Sys.Jwks().Settings.MinBackoff * 2);
        IActorRef? current = null;
        await AwaitAssertAsync(async () =>
        {
            current = await ChildAsync(started);
            Assert.NotNull(current);
            Assert.NotEqual(old, current);
        });
        await current!.Ask<FetcherState>(new GetState("idp"), Wait);
    }

    /// <summary>The fetcher under the back-off supervisor, or null while it waits to restart one.</summary>
    private static async Task<IActorRef?> ChildAsync(FetcherStarted started) =>
        (await started.Fetcher.Ask<BackoffSupervisor.CurrentChild>(BackoffSupervisor.GetCurrentChild.Instance, Wait))
        .Ref;
}
