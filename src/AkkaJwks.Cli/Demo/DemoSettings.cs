using Akka.Configuration;

namespace AkkaJwks.Cli.Demo;

/// <summary>The demo's configuration: <c>hocon/demo.conf</c>, embedded in the program.</summary>
/// <param name="Config">The whole file, with the fetcher's block under <c>akka.jwks.fetchers.demo</c>.</param>
/// <param name="RotationInterval">How often the issuer rotates (<c>akka-jwks.demo.rotation-interval</c>).</param>
/// <param name="TokenInterval">How often a token is signed and validated (<c>token-interval</c>).</param>
/// <param name="SummaryInterval">How often the summary line is printed (<c>summary-interval</c>).</param>
internal sealed record DemoSettings(
    Config Config, TimeSpan RotationInterval, TimeSpan TokenInterval, TimeSpan SummaryInterval)
{
    /// <summary>The fetcher's name in <c>demo.conf</c>.</summary>
    public const string FetcherName = "demo";

    private const string ResourceName = "AkkaJwks.Cli.demo.conf";

    /// <summary>Reads the embedded <c>demo.conf</c>.</summary>
    public static DemoSettings Load()
    {
        using var stream = typeof(DemoSettings).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from akka-jwks.");
        using var reader = new StreamReader(stream);
        var config = ConfigurationFactory.ParseString(reader.ReadToEnd());

        var demo = config.GetConfig("akka-jwks.demo");
        return new DemoSettings(
            config,
            demo.GetTimeSpan("rotation-interval"),
            demo.GetTimeSpan("token-interval"),
            demo.GetTimeSpan("summary-interval"));
    }
}
