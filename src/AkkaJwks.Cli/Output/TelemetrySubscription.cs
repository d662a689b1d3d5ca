using Akka.Actor;
using AkkaJwks.Telemetry;

namespace AkkaJwks.Cli.Output;

/// <summary>Starts a <see cref="TelemetryListener"/> and subscribes it to the AkkaJwks events.</summary>
internal static class TelemetrySubscription
{
    /// <summary>
    /// Starts a listener in <paramref name="system"/> and subscribes it before returning, so it sees every event
    /// of fetchers started afterwards. <paramref name="onEvent"/> runs on the actor's thread, one event at a time.
    /// </summary>
    public static IActorRef Start(ActorSystem system, Action<object> onEvent)
    {
        var listener = system.ActorOf(Props.Create(() => new TelemetryListener(onEvent)), "akka-jwks-cli-listener");
        system.EventStream.Subscribe(listener, typeof(JwksFetchStarted));
        system.EventStream.Subscribe(listener, typeof(JwksFetchSucceeded));
        system.EventStream.Subscribe(listener, typeof(JwksFetchFailed));
        system.EventStream.Subscribe(listener, typeof(JwksKeysChanged));
        return listener;
    }
}
