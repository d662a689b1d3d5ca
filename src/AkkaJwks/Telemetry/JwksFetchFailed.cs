using System.Text;
using System.Collections.Immutable;
using AkkaJwks.Http;
using AkkaJwks.Keys;

namespace AkkaJwks.Telemetry;

/// <summary>Published when a fetch fails (the seed's <c>[:fetch, :exception]</c>). The keys are kept.</summary>
/// <param name="Name">The fetcher's name.</param>
/// <param name="Url">The endpoint.</param>
/// <param name="Timestamp">When the fetch ended.</param>
/// <param name="Duration">How long the fetch took.</param>
/// <param name="Reason">How it failed.</param>
/// <param name="Message">One sentence saying what failed and why; never key material.</param>
/// <param name="FailuresInRow">Failures since the last success, this one included.</param>
/// <param name="NextAttemptIn">When the fetcher tries again.</param>
public sealed record JwksFetchFailed(
    string Name, Uri Url, DateTimeOffset Timestamp, TimeSpan Duration, FetchFailureKind Reason, string Message,
    int FailuresInRow, TimeSpan NextAttemptIn)
{
    /// <summary>
    /// The keys the document's parse refused, by index, kid and reason (never key material), when the fetch failed
    /// because no usable signing key was left (<see cref="FetchFailureKind.NoUsableKeys"/>); empty otherwise.
    /// </summary>
    public ImmutableArray<RefusedKey> Refused { get; init; } = [];

    private bool PrintMembers(StringBuilder builder)
    {
        JwksEventText.Head(builder, Name, Url, Timestamp).Duration(nameof(Duration), Duration)
            .Append(", Reason = ").Append(Reason).Append(", Message = ").Append(Message)
            .Append(", FailuresInRow = ").Append(FailuresInRow).Duration(nameof(NextAttemptIn), NextAttemptIn)
            .Refused(Refused);
        return true;
    }
}
