using Akka.Configuration;

namespace AkkaJwks.Configuration;

/// <summary>The embedded <c>reference.conf</c>, read once: the single home of every default.</summary>
internal static class JwksReferenceConfig
{
    private const string ResourceName = "AkkaJwks.reference.conf";

    private static readonly Lazy<Config> Loaded = new(Load);

    /// <summary>The whole embedded file, used as the system's top-level fallback.</summary>
    public static Config Config => Loaded.Value;

    /// <summary><c>akka.jwks.defaults</c> of the embedded file.</summary>
    public static Config Defaults => Config.GetConfig(JwksConfigPaths.Defaults);

    private static Config Load()
    {
        using var stream = typeof(JwksReferenceConfig).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{ResourceName}' is missing from {typeof(JwksReferenceConfig).Assembly}.");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
