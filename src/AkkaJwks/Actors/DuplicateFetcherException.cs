namespace AkkaJwks.Actors;

/// <summary>A fetcher with the same name is already running.</summary>
public sealed class DuplicateFetcherException : Exception
{
    /// <summary>Creates the exception for <paramref name="name"/> and the URL the running fetcher uses.</summary>
    public DuplicateFetcherException(string name, Uri runningUrl)
        : base($"A JWKS fetcher named '{name}' is already running (for {Http.JwksUrl.Redact(runningUrl)}); " +
            "stop it first or pick another name.")
    {
        Name = name;
    }

    /// <summary>The duplicated name.</summary>
    public string Name { get; }
}
