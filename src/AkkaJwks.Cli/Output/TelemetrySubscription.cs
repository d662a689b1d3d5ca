using Akka.Actor;
using AkkaJwks.Telemetry;

namespace AkkaJwks.Cli.Output;

/// <summary>Starts a <see cref="TelemetryListener"/> and subscribes it to the AkkaJwks events.</summary>
internal static class TelemetrySubscription
{
    private static readonly TimeSpan DrainPatience = TimeSpan.FromSeconds(10);

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

    /// <summary>
    /// Unsubscribes <paramref name="listener"/> and waits until it has handed on every event it had received, so
    /// that whatever is printed next comes after them. An event published during the unsubscription may be lost;
    /// none is handed on afterwards.
    /// </summary>
    public static async Task StopAsync(ActorSystem system, IActorRef listener)
    {
        system.EventStream.Unsubscribe(listener);
        try
        {
            await listener.GracefulStop(DrainPatience);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or AskTimeoutException)
        {
            // A listener still busy after that long (a blocked console) is left to the system's termination.
        }
    }
}
