namespace AkkaJwks.Actors;

/// <summary>Why a fetch started, as <c>JwksFetchStarted.Trigger</c> and the trigger tag carry it.</summary>
internal static class FetchTriggers
{
    /// <summary>The first fetch of a fetcher that has no published set.</summary>
    public const string Initial = "initial";

    /// <summary>The periodic refresh after a success.</summary>
    public const string Scheduled = "scheduled";

    /// <summary>The next attempt after a failure.</summary>
    public const string Retry = "retry";

    /// <summary>A <see cref="Refresh"/> message.</summary>
    public const string Manual = "manual";

    /// <summary>A look-up of an unknown kid.</summary>
    public const string KidMiss = "kid-miss";
}
