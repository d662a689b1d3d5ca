namespace AkkaJwks.Telemetry;

/// <summary>The tag names AkkaJwks puts on its instruments and activities, and the values some of them take.</summary>
internal static class JwksTelemetryTags
{
    /// <summary>The fetcher's name.</summary>
    public const string Name = "akka.jwks.name";

    /// <summary>Why a fetch started: initial, scheduled, retry, manual or kid-miss.</summary>
    public const string Trigger = "akka.jwks.trigger";

    /// <summary>How a fetch ended: <see cref="Success"/>, <see cref="NotModified"/> or <see cref="Failure"/>.</summary>
    public const string Outcome = "akka.jwks.outcome";

    /// <summary>Why a fetch failed: a <c>FetchFailureKind</c> name (OpenTelemetry's <c>error.type</c>).</summary>
    public const string Reason = "error.type";

    /// <summary>The endpoint, on activities only (metrics stay low in cardinality).</summary>
    public const string Url = "url.full";

    /// <summary>How many keys a fetch left in the set, on activities.</summary>
    public const string KeyCount = "akka.jwks.key_count";

    /// <summary>How a look-up of an unknown kid was answered (see <c>KidMiss*</c>).</summary>
    public const string KidMissOutcome = "akka.jwks.kid_miss.outcome";

    /// <summary>Outcome value: a new set was accepted.</summary>
    public const string Success = "success";

    /// <summary>Outcome value: the server answered 304 and the set was kept.</summary>
    public const string NotModified = "not_modified";

    /// <summary>Outcome value: the fetch failed and the set was kept.</summary>
    public const string Failure = "failure";

    /// <summary>Kid-miss outcome: the refresh brought the kid.</summary>
    public const string KidMissFound = "found_after_refresh";

    /// <summary>Kid-miss outcome: the refresh succeeded and the kid is still absent.</summary>
    public const string KidMissAbsent = "absent_after_refresh";

    /// <summary>Kid-miss outcome: the refresh failed.</summary>
    public const string KidMissRefreshFailed = "refresh_failed";

    /// <summary>Kid-miss outcome: the refresh did not end within kid-miss-wait.</summary>
    public const string KidMissWaitElapsed = "wait_elapsed";

    /// <summary>Kid-miss outcome: no refresh, the cool-down was active.</summary>
    public const string KidMissCooldown = "cooldown";

    /// <summary>Kid-miss outcome: no refresh, the endpoint is failing and its backoff is in force.</summary>
    public const string KidMissBackoff = "backoff";

    /// <summary>Kid-miss outcome: no refresh, the kid is remembered as absent.</summary>
    public const string KidMissRememberedAbsent = "remembered_absent";

    /// <summary>
    /// Kid-miss outcome: the kid is known but no key under it fits (another alg, not for signatures, ambiguous,
    /// alg none); no refresh.
    /// </summary>
    public const string KidMissAlgMismatch = "not_usable";
}
