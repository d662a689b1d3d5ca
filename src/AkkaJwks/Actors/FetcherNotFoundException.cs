namespace AkkaJwks.Actors;

/// <summary>No fetcher has the asked name. The message lists the names there are.</summary>
public sealed class FetcherNotFoundException : Exception
{
    /// <summary>Creates the exception for <paramref name="name"/>, listing <paramref name="knownNames"/>.</summary>
    public FetcherNotFoundException(string name, IReadOnlyCollection<string> knownNames)
        : base(knownNames.Count == 0
            ? $"No JWKS fetcher is named '{name}': none is running. Start one with StartFetcher or akka.jwks.fetchers."
            : $"No JWKS fetcher is named '{name}'. Known fetchers: {string.Join(", ", knownNames.Order())}.")
    {
        Name = name;
        KnownNames = knownNames;
    }

    /// <summary>The name that was asked for.</summary>
    public string Name { get; }

    /// <summary>The names of the running fetchers.</summary>
    public IReadOnlyCollection<string> KnownNames { get; }
}
