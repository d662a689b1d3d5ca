using System.Text;
using System.Collections.Immutable;
using AkkaJwks.Keys;

namespace AkkaJwks.Telemetry;

/// <summary>Published when a fetch succeeds (the seed's <c>[:fetch, :stop]</c>).</summary>
/// <param name="Name">The fetcher's name.</param>
/// <param name="Url">The endpoint.</param>
/// <param name="Timestamp">When the fetch ended.</param>
/// <param name="Duration">How long the fetch took.</param>
/// <param name="KeyCount">How many keys the set now holds.</param>
/// <param name="NotModified">Whether the server answered 304 and the set was kept.</param>
public sealed record JwksFetchSucceeded(
    string Name, Uri Url, DateTimeOffset Timestamp, TimeSpan Duration, int KeyCount, bool NotModified)
{
    /// <summary>The keys of the set that its parse refused, by index, kid and reason (never key material).</summary>
    public ImmutableArray<RefusedKey> Refused { get; init; } = [];

    private bool PrintMembers(StringBuilder builder)
    {
        JwksEventText.Head(builder, Name, Url, Timestamp).Duration(nameof(Duration), Duration)
            .Append(", KeyCount = ").Append(KeyCount).Append(", NotModified = ").Append(NotModified)
            .Refused(Refused);
        return true;
    }
}
