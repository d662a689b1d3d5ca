using Akka.Hosting;
using AkkaJwks.Configuration;
using AkkaJwks.Http;

namespace AkkaJwks.Hosting;

/// <summary>Adds AkkaJwks to an actor system built with Akka.Hosting.</summary>
public static class AkkaJwksHostingExtensions
{
    /// <summary>
    /// Starts AkkaJwks with the system: validates <c>akka.jwks</c> and every fetcher of <paramref name="fetchers"/>
    /// (all problems in one <see cref="JwksConfigurationException"/>, before anything starts), starts the HOCON
    /// fetchers and then these, and registers the registry actor under <see cref="JwksRegistryKey"/>. A fetcher
    /// with sync-init (of these or of <c>akka.jwks.fetchers</c>) holds the host's start until its first fetch
    /// completes; a failed one fails the start.
    /// </summary>
    /// <exception cref="JwksConfigurationException">
    /// When Akka.Hosting runs the builder (as the host starts): a fetcher's options are invalid, a name is given
    /// more than once, or a name is also a HOCON fetcher's (<c>akka.jwks.fetchers</c>); none of these fetchers starts.
    /// </exception>
    public static AkkaConfigurationBuilder WithJwks(this AkkaConfigurationBuilder builder,
        params JwksFetcherOptions[] fetchers)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(fetchers);
        var problems = fetchers.SelectMany(f => f.Validate()).ToList();
        problems.AddRange(fetchers.Where(f => f.Name is not null).GroupBy(f => f.Name, StringComparer.Ordinal)
            .Where(same => same.Count() > 1)
            .Select(same => NameProblem(same.Key, $"a name given once; WithJwks was given it {same.Count()} times")));
        if (problems.Count > 0)
        {
            throw new JwksConfigurationException(problems);
        }

        return builder.AddStartup(async (system, registry) =>
        {
            var jwks = system.Jwks();
            registry.Register<JwksRegistryKey>(jwks.Registry);
            var hocon = jwks.Settings.Fetchers.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            var taken = fetchers.Where(f => hocon.Contains(f.Name))
                .Select(f => NameProblem(f.Name,
                    "a name no HOCON fetcher has; akka.jwks.fetchers already starts a fetcher of that name"))
                .ToList();
            if (taken.Count > 0)
            {
                throw new JwksConfigurationException(taken);
            }

            foreach (var fetcher in fetchers)
            {
                await jwks.StartFetcherAsync(fetcher);
            }

            await jwks.WhenReadyAsync();
        });
    }

    private static JwksConfigurationProblem NameProblem(string name, string expected) =>
        new(JwksConfigPaths.FetcherOption(name, "")[..^1], JwksConfigPaths.Escape(name), expected);

    /// <summary>
    /// Makes the HTTP client of every fetcher whose options name none (HOCON fetchers included), through
    /// <see cref="JwksSetup.HttpClientFactory"/>. The registry disposes the clients it made this way.
    /// </summary>
    public static AkkaConfigurationBuilder WithJwksHttpClientFactory(this AkkaConfigurationBuilder builder,
        Func<JwksFetcherOptions, IJwksHttpClient> httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        return builder.AddSetup(new JwksSetup { HttpClientFactory = httpClientFactory });
    }
}
