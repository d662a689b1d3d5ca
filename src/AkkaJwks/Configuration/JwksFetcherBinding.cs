using Akka.Configuration;
using Akka.Configuration.Hocon;
using P = AkkaJwks.Configuration.JwksConfigPaths;

namespace AkkaJwks.Configuration;

/// <summary>Binds and validates one block of <c>akka.jwks.fetchers</c>.</summary>
internal static class JwksFetcherBinding
{
    private static readonly string[] FetcherKeys = [P.Url, .. JwksFetcherOptionsBinder.DefaultKeys];

    /// <summary>
    /// Binds the fetcher <paramref name="name"/> over <paramref name="defaults"/>. A problem the fetcher only
    /// inherits from the defaults is not repeated: <paramref name="defaultProblems"/> already holds it.
    /// </summary>
    public static JwksFetcherOptions Bind(string name, HoconValue block, Config defaults,
        IReadOnlyList<JwksConfigurationProblem> defaultProblems, List<JwksConfigurationProblem> problems)
    {
        var own = new List<JwksConfigurationProblem>();
        var collector = new JwksProblemCollector(key => P.FetcherOption(name, key), own);
        var blockPath = P.FetcherOption(name, "")[..^1];
        var nameProblem = JwksFetcherOptionsValidator.CheckName(name);
        if (nameProblem is not null)
        {
            own.Add(new JwksConfigurationProblem(blockPath, P.Escape(name), nameProblem));
        }

        Config config = Config.Empty;
        if (block.IsObject())
        {
            config = new Config(new HoconRoot(block));
            JwksFetcherOptionsBinder.CheckKeys(config, FetcherKeys, collector);
        }
        else
        {
            own.Add(new JwksConfigurationProblem(blockPath, JwksHoconReader.Describe(block),
                "expected an object, for example { url = \"https://issuer.example/jwks\" }"));
        }

        var options = JwksFetcherOptionsBinder.Bind(name, config, defaults, collector);
        JwksFetcherOptionsValidator.Validate(options, collector);

        var keysSet = block.IsObject() ? block.GetObject().Items.Keys.ToHashSet(StringComparer.Ordinal) : [];
        problems.AddRange(own.Where(p => !InheritedFromDefaults(p, blockPath, keysSet, defaultProblems)));
        return options;
    }

    private static bool InheritedFromDefaults(JwksConfigurationProblem problem, string blockPath,
        HashSet<string> keysSet, IReadOnlyList<JwksConfigurationProblem> defaultProblems)
    {
        if (!problem.Path.StartsWith(blockPath + ".", StringComparison.Ordinal))
        {
            return false;
        }

        var suffix = problem.Path[(blockPath.Length + 1)..];
        var key = suffix.Split('.', '[')[0];
        var defaultPath = P.DefaultsOption(suffix);
        return !keysSet.Contains(key) && defaultProblems.Any(d =>
            d.Path == defaultPath && d.Value == problem.Value && d.Expected == problem.Expected);
    }
}
