using Akka.Actor;
using AkkaJwks.Telemetry;

namespace AkkaJwks.Cli.Output;

/// <summary>
/// Subscribes to the four AkkaJwks events on the <c>EventStream</c> and hands each to a callback, in the order
/// they were published.
/// </summary>
internal sealed class TelemetryListener : ReceiveActor
{
    /// <summary>Creates the listener; <paramref name="onEvent"/> runs on the actor's thread.</summary>
    public TelemetryListener(Action<object> onEvent)
    {
        Receive<JwksFetchStarted>(onEvent);
        Receive<JwksFetchSucceeded>(onEvent);
        Receive<JwksFetchFailed>(onEvent);
        Receive<JwksKeysChanged>(onEvent);
    }
}
