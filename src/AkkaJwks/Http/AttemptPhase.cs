namespace AkkaJwks.Http;

/// <summary>Where an attempt was when it stopped, so a timeout or a cut connection can say so.</summary>
internal enum AttemptPhase
{
    /// <summary>Opening the TCP connection.</summary>
    Connecting,

    /// <summary>Connected (or reusing a pooled connection), TLS included, waiting for the status and headers.</summary>
    Headers,

    /// <summary>Reading the body.</summary>
    Body,
}
