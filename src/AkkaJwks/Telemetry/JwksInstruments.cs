using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AkkaJwks.Telemetry;

/// <summary>
/// The <see cref="Meter"/> and <see cref="ActivitySource"/> named <c>AkkaJwks</c>, so OpenTelemetry (or any
/// <see cref="MeterListener"/>) picks AkkaJwks up by that name with no extra package.
/// </summary>
internal static class JwksInstruments
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string SourceName = "AkkaJwks";

    /// <summary>The name of the activity that spans one fetch.</summary>
    public const string FetchActivityName = "akka.jwks.fetch";

    /// <summary>The activity source: one activity per fetch.</summary>
    public static readonly ActivitySource ActivitySource = new(SourceName);

    /// <summary>The meter of every instrument below.</summary>
    public static readonly Meter Meter = new(SourceName);

    /// <summary>How long fetches take, tagged with name, trigger and outcome.</summary>
    public static readonly Histogram<double> FetchDuration = Meter.CreateHistogram<double>(
        "akka.jwks.fetch.duration", "s", "How long a JWKS fetch took, from start to its outcome.");

    /// <summary>Failed fetches, tagged with name and reason.</summary>
    public static readonly Counter<long> FetchFailures = Meter.CreateCounter<long>(
        "akka.jwks.fetch.failures", "{failure}", "JWKS fetches that failed; the last good keys were kept.");

    /// <summary>How many keys a fetcher serves, tagged with name; recorded after every successful fetch.</summary>
    public static readonly Gauge<long> Keys = Meter.CreateGauge<long>(
        "akka.jwks.keys", "{key}", "How many keys a JWKS fetcher serves.");

    /// <summary>Refreshes started because a look-up asked for an unknown kid, tagged with name.</summary>
    public static readonly Counter<long> KidMissRefreshes = Meter.CreateCounter<long>(
        "akka.jwks.kid_miss.refreshes", "{refresh}", "Refreshes triggered by look-ups of an unknown kid.");

    /// <summary>Look-ups that missed the served set, tagged with name and how they were answered.</summary>
    public static readonly Counter<long> KidMissLookups = Meter.CreateCounter<long>(
        "akka.jwks.kid_miss.lookups", "{lookup}", "Look-ups that missed the served keys, by how they were answered.");
}
