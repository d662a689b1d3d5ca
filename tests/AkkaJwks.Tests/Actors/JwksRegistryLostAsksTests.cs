using Akka.Actor;
using Akka.Configuration;
using Akka.Pattern;
using Akka.TestKit.Xunit2;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Http;
using AkkaJwks.Keys;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Actors;

/// <summary>
/// Asks that were already in a real fetcher's mailbox when it crashed: Akka drops them as dead letters with the
/// mailbox, and the registry must answer them all the same.
/// </summary>
public sealed class JwksRegistryLostAsksTests : TestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly FakeJwksHttpClient _client = new();
    private readonly TaskCompletionSource _crashing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _release = new();
    private volatile bool _crash;

    public JwksRegistryLostAsksTests()
        : base(VirtualTime.Config)
    {
    }

    [Fact]
    public async Task Asks_QueuedInTheMailboxOfACrashingFetcher_AnsweredFromItsLastKeys()
    {
        var registry = await StartReadyAsync("a");
        _crash = true;
        await registry.Ask<RefreshAccepted>(new Refresh("idp"), Wait);
        (await _client.NextAsync()).Fail(FetchFailureKind.ConnectionReset);
        await _crashing.Task;

        var state = registry.Ask<FetcherState>(new GetState("idp"), Wait);
        var key = registry.Ask<Jwk>(new GetKey("idp", "a"), Wait);
        var miss = registry.Ask<Jwk>(new GetKey("idp", "rotated"), Wait);
        var keys = registry.Ask<Jwks>(new GetKeys("idp"), Wait);
        await QueuedAtTheFetcherAsync(registry);
        _release.Set();

        Assert.Equal(FetcherStatus.Restarting, (await state).Status);
        Assert.Equal("a", (await key).Kid);
        Assert.Contains("restarting", (await Assert.ThrowsAsync<JwkNotFoundException>(() => miss)).Message);
        Assert.True((await keys).TryGetKey("a", out _));
        Assert.Equal(2, _client.RequestCount);
    }

    protected override void AfterAll()
    {
        _release.Set();
        base.AfterAll();
        _release.Dispose();
    }

    /// <summary>A registry whose fetcher "idp" has taken a first set of <paramref name="kids"/>.</summary>
    private async Task<IActorRef> StartReadyAsync(params string[] kids)
    {
        var registry = Sys.ActorOf(JwksRegistryActor.Props(JwksSettings.Create(Config.Empty), new JwksSnapshots(),
            _ => throw new InvalidOperationException("the options name their client"),
            (options, http, snapshots) => JwksFetcherActor.Props(options, http, snapshots, Jitter)));
        var options = JwksFetcherOptions.Create("idp", TestDocuments.Url) with { HttpClient = _client };
        await registry.Ask<FetcherStarted>(new StartFetcher(options), Wait);
        var first = registry.Ask<Jwks>(new GetKeys("idp"), Wait);
        (await _client.NextAsync()).RespondKeys(kids);
        await first;
        return registry;
    }

    /// <summary>
    /// The backoff after the failure draws jitter: once crashing, it holds the fetcher inside its handler until the
    /// test lets it throw, so that asks queue up behind it.
    /// </summary>
    private double Jitter()
    {
        if (!_crash)
        {
            return 0.5;
        }

        _crashing.TrySetResult();
        _release.Wait(Wait);
        throw new InvalidOperationException("test crash with asks in the mailbox");
    }

    /// <summary>
    /// Waits until the registry has passed on every ask sent before, and the supervisor has handed them to the
    /// fetcher: each handles its mailbox in order.
    /// </summary>
    private static async Task QueuedAtTheFetcherAsync(IActorRef registry)
    {
        var supervisor = await registry.Ask<IActorRef>(new Resolve("idp"), Wait);
        await supervisor.Ask<BackoffSupervisor.CurrentChild>(BackoffSupervisor.GetCurrentChild.Instance, Wait);
    }
}
