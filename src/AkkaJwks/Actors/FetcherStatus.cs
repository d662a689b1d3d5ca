namespace AkkaJwks.Actors;

/// <summary>Where a fetcher stands.</summary>
public enum FetcherStatus
{
    /// <summary>No fetch has succeeded yet.</summary>
    Starting,

    /// <summary>The last fetch succeeded.</summary>
    Ready,

    /// <summary>The last fetch failed; the keys of the last success (if any) are still served.</summary>
    Failing,

    /// <summary>The fetcher has stopped.</summary>
    Stopped,

    /// <summary>
    /// The fetcher crashed and waits (with back-off) to be started again; meanwhile the registry answers for it from
    /// its last published keys, and a refresh asked for now runs when it starts.
    /// </summary>
    Restarting,
}
