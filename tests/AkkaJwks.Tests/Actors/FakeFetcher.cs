using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Http;

namespace AkkaJwks.Tests.Actors;

/// <summary>
/// Stands in for <see cref="JwksFetcherActor"/> under the registry's supervision: reports its start to a probe,
/// answers forwarded asks with what it got (so a test sees the sender was kept), and crashes or stops on demand.
/// </summary>
internal sealed class FakeFetcher : ReceiveActor
{
    public FakeFetcher(JwksFetcherOptions options, IActorRef probe, Func<object>? firstFetch)
    {
        probe.Tell(new Started(options.Name, Self));
        Receive<GetState>(ask => Sender.Tell(new Forwarded(options.Name, ask)));
        Receive<GetKeys>(ask => Sender.Tell(new Forwarded(options.Name, ask)));
        Receive<GetKey>(ask => Sender.Tell(new Forwarded(options.Name, ask)));
        Receive<Refresh>(ask => Sender.Tell(new RefreshAccepted(ask.Name)));
        Receive<JwksFetcherActor.AwaitFirstFetch>(_ =>
        {
            var answer = firstFetch?.Invoke() ?? new FirstFetchCompleted(options.Name, null!);
            Sender.Tell(answer);
            if (answer is Status.Failure && options.StopOnSyncInitFailure)
            {
                Context.Stop(Self);
            }
        });
        Receive<Crash>(_ => throw new InvalidOperationException("fake fetcher crashed on purpose"));
    }

    public static Func<JwksFetcherOptions, IJwksHttpClient, JwksSnapshots, Props> Factory(
        IActorRef probe, Func<object>? firstFetch = null) =>
        (options, _, _) => Props.Create(() => new FakeFetcher(options, probe, firstFetch));

    /// <summary>A fake fetcher (re)started.</summary>
    public sealed record Started(string Name, IActorRef Self);

    /// <summary>What the fake got, sent back to the ask's sender.</summary>
    public sealed record Forwarded(string Name, object Message);

    /// <summary>Makes the fake throw.</summary>
    public sealed record Crash
    {
        public static Crash Instance { get; } = new();
    }
}
