using Akka.Actor;

namespace AkkaJwks;

/// <summary>The extension id of <see cref="JwksExtension"/>: creates it once per actor system.</summary>
public sealed class JwksExtensionProvider : ExtensionIdProvider<JwksExtension>
{
    /// <summary>Creates the extension for <paramref name="system"/>: validates the configuration, then starts.</summary>
    /// <exception cref="Configuration.JwksConfigurationException">The configuration is invalid.</exception>
    public override JwksExtension CreateExtension(ExtendedActorSystem system) => new(system);
}
