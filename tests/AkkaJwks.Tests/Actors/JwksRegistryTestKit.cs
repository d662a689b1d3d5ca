using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Actors;

/// <summary>A registry in virtual time over fake fetchers, with the HTTP clients it made and a probe of starts.</summary>
public abstract class JwksRegistryTestKit : TestKit
{
    private readonly List<FakeHttpClient> _clients = [];

    protected JwksRegistryTestKit()
        : base(VirtualTime.Config)
    {
        Starts = CreateTestProbe();
    }

    /// <summary>Gets a <see cref="FakeFetcher.Started"/> each time a fake fetcher starts.</summary>
    protected TestProbe Starts { get; }

    /// <summary>The HTTP clients the registry made, in order.</summary>
    internal IReadOnlyList<FakeHttpClient> Clients
    {
        get
        {
            lock (_clients)
            {
                return [.. _clients];
            }
        }
    }

    protected TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    protected IActorRef Registry(string name = "akka-jwks", Func<object>? firstFetch = null, Config? config = null)
    {
        var settings = JwksSettings.Create(config ?? Config.Empty);
        return Sys.ActorOf(JwksRegistryActor.Props(settings, new JwksSnapshots(), _ =>
        {
            var client = new FakeHttpClient();
            lock (_clients)
            {
                _clients.Add(client);
            }

            return client;
        }, FakeFetcher.Factory(Starts, firstFetch)), name);
    }

    protected static JwksFetcherOptions Options(string name) =>
        JwksFetcherOptions.Create(name, new Uri($"https://{Uri.EscapeDataString(name).Replace("%", "")}.example/jwks"));
}
