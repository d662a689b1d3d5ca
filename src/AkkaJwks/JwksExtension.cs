using System.Diagnostics.CodeAnalysis;
using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Keys;

namespace AkkaJwks;

/// <summary>
/// AkkaJwks in an actor system: the registry of named fetchers, typed async calls, and lock-free look-ups over the
/// last published keys for the hot path. Created once per system by <see cref="Get"/> or
/// <see cref="JwksActorSystemExtensions.Jwks"/>, which validates <c>akka.jwks</c> and then starts every fetcher of
/// <c>akka.jwks.fetchers</c>. The registry stops in the <c>before-actor-system-terminate</c> phase of
/// coordinated shutdown, which cancels the fetches in flight.
/// </summary>
public sealed partial class JwksExtension : IExtension
{
    private readonly JwksSnapshots _snapshots = new();

    internal JwksExtension(ExtendedActorSystem system)
    {
        system.Settings.InjectTopLevelFallback(JwksReferenceConfig.Config);
        Settings = JwksSettings.Create(system.Settings.Config);

        var factory = system.Settings.Setup.Get<JwksSetup>().Value?.HttpClientFactory ?? JwksDefaultHttpClient.Create;
        Registry = system.ActorOf(JwksRegistryActor.Props(Settings, _snapshots, factory), Settings.RegistryName);

        var registry = Registry;
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "stop-akka-jwks",
            async () =>
            {
                await registry.GracefulStop(Settings.AskTimeout);
                return Akka.Done.Instance;
            });
    }

    /// <summary>The registry actor (at <c>/user/&lt;registry-name&gt;</c>): send it the messages of Actors/.</summary>
    public IActorRef Registry { get; }

    /// <summary>The validated <c>akka.jwks</c> settings.</summary>
    public JwksSettings Settings { get; }

    /// <summary>The extension of <paramref name="system"/>, created on first use.</summary>
    /// <exception cref="JwksConfigurationException">The configuration is invalid; nothing was started.</exception>
    public static JwksExtension Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<JwksExtension, JwksExtensionProvider>();
    }

    /// <summary>
    /// The handle on the keys of <paramref name="name"/>: hold it to skip the name look-up on the hot path. It exists
    /// before a fetcher of that name starts (empty until it publishes) and stays valid across restarts.
    /// </summary>
    public JwksSource GetSource(string name) => _snapshots.Source(name);

    /// <summary>The keys <paramref name="name"/> published last. Lock-free, allocation-free.</summary>
    public bool TryGetKeys(string name, [NotNullWhen(true)] out Jwks? keys) => _snapshots.TryGet(name, out keys);

    /// <summary>The key with <paramref name="kid"/> among the keys <paramref name="name"/> published last.</summary>
    /// <remarks>
    /// Lock-free and allocation-free; never triggers a fetch (see <see cref="GetKeyAsync"/>). It may give a key that
    /// is not for signatures (<c>use: "enc"</c>): to verify a JWT, pass its <c>alg</c> to the other overload, which
    /// applies the algorithm-safety rules (<see cref="Jwk.VerifySignature"/> applies them too).
    /// </remarks>
    public bool TryGetKey(string name, string kid, [NotNullWhen(true)] out Jwk? key)
    {
        var source = _snapshots.Find(name);
        if (source is null)
        {
            key = null;
            return false;
        }

        return source.TryGetKey(kid, out key);
    }

    /// <summary>
    /// The signing key with <paramref name="kid"/> that may verify a JWS signed with <paramref name="alg"/> (the
    /// JWT header's), among the keys <paramref name="name"/> published last. Lock-free and allocation-free.
    /// </summary>
    public bool TryGetKey(string name, string kid, string alg, [NotNullWhen(true)] out Jwk? key)
    {
        var source = _snapshots.Find(name);
        if (source is null)
        {
            key = null;
            return false;
        }

        return source.TryGetKey(kid, alg, out key);
    }
}
