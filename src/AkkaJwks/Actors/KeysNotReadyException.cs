namespace AkkaJwks.Actors;

/// <summary>A fetcher has no keys to give yet: its first fetch has not succeeded. The message says why.</summary>
public sealed class KeysNotReadyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KeysNotReadyException(string name, string reason, Exception? innerException = null)
        : base($"The keys of JWKS fetcher '{name}' are not ready: {reason}", innerException)
    {
        Name = name;
    }

    /// <summary>The fetcher's name.</summary>
    public string Name { get; }
}
