using Akka.Actor;
using Akka.Configuration;
using P = AkkaJwks.Configuration.JwksConfigPaths;

namespace AkkaJwks.Configuration;

/// <summary>
/// The <c>akka.jwks</c> section, bound and validated. Every default lives in <c>hocon/reference.conf</c>.
/// </summary>
public sealed record JwksSettings
{
    private static readonly string[] RootKeys = [P.RegistryName, P.AskTimeout, "supervision", "defaults", "fetchers"];
    private static readonly string[] SupervisionKeys = ["min-backoff", "max-backoff", "random-factor"];

    /// <summary>The registry actor's name under <c>/user</c> (<c>registry-name</c>).</summary>
    public required string RegistryName { get; init; }

    /// <summary>How long the extension's async calls wait by default (<c>ask-timeout</c>).</summary>
    public required TimeSpan AskTimeout { get; init; }

    /// <summary>The first wait before a crashed fetcher is started again (<c>supervision.min-backoff</c>).</summary>
    public required TimeSpan MinBackoff { get; init; }

    /// <summary>The longest wait before a crashed fetcher is started again (<c>supervision.max-backoff</c>).</summary>
    public required TimeSpan MaxBackoff { get; init; }

    /// <summary>Random spread added to each restart back-off (<c>supervision.random-factor</c>).</summary>
    public required double BackoffRandomFactor { get; init; }

    /// <summary>The fetchers of <c>akka.jwks.fetchers</c>, in name order, each merged over the defaults.</summary>
    public required IReadOnlyList<JwksFetcherOptions> Fetchers { get; init; }

    /// <summary><c>akka.jwks.defaults</c> as bound: the system's over the embedded ones.</summary>
    private Config Defaults { get; init; } = JwksReferenceConfig.Defaults;

    /// <summary>
    /// Creates options for <paramref name="name"/> and <paramref name="url"/> with every other value taken from this
    /// system's <c>akka.jwks.defaults</c> (which falls back to <c>reference.conf</c>), unlike
    /// <see cref="JwksFetcherOptions.Create"/>, which reads <c>reference.conf</c> only. Validated when started.
    /// </summary>
    public JwksFetcherOptions CreateFetcherOptions(string name, Uri url)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(url);
        var collector = new JwksProblemCollector(key => P.FetcherOption(name, key), []);
        return JwksFetcherOptionsBinder.Bind(name, Config.Empty, Defaults, collector) with { Url = url };
    }

    /// <summary>
    /// Binds and validates <c>akka.jwks</c> of <paramref name="config"/> (with the embedded <c>reference.conf</c>
    /// behind it).
    /// </summary>
    /// <exception cref="JwksConfigurationException">Anything is wrong; every problem is listed.</exception>
    public static JwksSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var root = config.WithFallback(JwksReferenceConfig.Config).GetConfig(P.Root);
        var problems = new List<JwksConfigurationProblem>();

        var rootProblems = new JwksProblemCollector(key => $"{P.Root}.{key}", problems);
        JwksFetcherOptionsBinder.CheckKeys(root, RootKeys, rootProblems);
        JwksFetcherOptionsBinder.CheckKeys(root.GetConfig("supervision"), SupervisionKeys,
            new JwksProblemCollector(key => $"{P.Root}.supervision.{key}", problems));
        var settings = BindRoot(root, rootProblems);

        var defaults = root.GetConfig("defaults");
        var defaultProblems = new List<JwksConfigurationProblem>();
        var defaultsCollector = new JwksProblemCollector(P.DefaultsOption, defaultProblems);
        JwksFetcherOptionsBinder.CheckKeys(defaults, JwksFetcherOptionsBinder.DefaultKeys, defaultsCollector);
        // The url is per fetcher: a stand-in lets the defaults be checked by the same rules.
        var standIn = ConfigurationFactory.ParseString("url = \"https://defaults.invalid/\"");
        var defaultOptions = JwksFetcherOptionsBinder.Bind("defaults", standIn, defaults, defaultsCollector);
        JwksFetcherOptionsValidator.Validate(defaultOptions, defaultsCollector);
        problems.AddRange(defaultProblems);

        var fetchers = new List<JwksFetcherOptions>();
        foreach (var (name, block) in FetcherBlocks(root, rootProblems).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            fetchers.Add(JwksFetcherBinding.Bind(name, block, defaults, defaultProblems, problems));
        }

        if (problems.Count > 0)
        {
            throw new JwksConfigurationException(problems);
        }

        return settings with { Fetchers = fetchers, Defaults = defaults };
    }

    private static JwksSettings BindRoot(Config root, JwksProblemCollector problems)
    {
        var reader = new JwksHoconReader(root, problems);
        var registryName = reader.String(P.RegistryName) ?? "";
        if (!problems.IsReported(P.RegistryName) && !ActorPath.IsValidPathElement(registryName))
        {
            problems.Add(P.RegistryName, registryName, "expected a valid actor name, such as akka-jwks");
        }

        var settings = new JwksSettings
        {
            RegistryName = registryName,
            AskTimeout = reader.Duration(P.AskTimeout),
            MinBackoff = reader.Duration(P.MinBackoff),
            MaxBackoff = reader.Duration(P.MaxBackoff),
            BackoffRandomFactor = reader.Double(P.RandomFactor),
            Fetchers = [],
        };
        JwksFetcherOptionsValidator.Duration(problems, P.AskTimeout, settings.AskTimeout);
        JwksFetcherOptionsValidator.Duration(problems, P.MinBackoff, settings.MinBackoff);
        JwksFetcherOptionsValidator.Duration(problems, P.MaxBackoff, settings.MaxBackoff);
        if (!problems.IsReported(P.MaxBackoff) && !problems.IsReported(P.MinBackoff)
            && settings.MaxBackoff < settings.MinBackoff)
        {
            problems.Add(P.MaxBackoff, settings.MaxBackoff,
                $"must be at least supervision.min-backoff ({problems.Show(P.MinBackoff, settings.MinBackoff)})");
        }

        if (!problems.IsReported(P.RandomFactor) && !(settings.BackoffRandomFactor is >= 0 and <= 1))
        {
            problems.Add(P.RandomFactor, settings.BackoffRandomFactor, "expected a fraction from 0 to 1");
        }

        return settings;
    }

    private static IEnumerable<(string Name, Akka.Configuration.Hocon.HoconValue Block)> FetcherBlocks(Config root,
        JwksProblemCollector problems)
    {
        var fetchers = root.GetValue("fetchers");
        if (fetchers is null || fetchers.IsEmpty)
        {
            return [];
        }

        if (!fetchers.IsObject())
        {
            problems.Add("fetchers", JwksHoconReader.Describe(fetchers),
                "expected an object of fetchers by name, for example { google { url = \"https://...\" } }");
            return [];
        }

        return fetchers.GetObject().Items.Select(item => (item.Key, item.Value));
    }
}
