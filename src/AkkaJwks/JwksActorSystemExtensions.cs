using Akka.Actor;

namespace AkkaJwks;

/// <summary>Reaches AkkaJwks from an <see cref="ActorSystem"/>.</summary>
public static class JwksActorSystemExtensions
{
    /// <summary>The system's <see cref="JwksExtension"/>, created (and its configured fetchers started) on first use.</summary>
    /// <exception cref="Configuration.JwksConfigurationException">The configuration is invalid.</exception>
    public static JwksExtension Jwks(this ActorSystem system) => JwksExtension.Get(system);
}
