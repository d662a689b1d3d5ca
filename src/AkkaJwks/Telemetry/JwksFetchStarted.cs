using System.Text;
namespace AkkaJwks.Telemetry;

/// <summary>Published on the EventStream when a fetch starts (the seed's <c>[:fetch, :start]</c>).</summary>
/// <param name="Name">The fetcher's name.</param>
/// <param name="Url">The endpoint.</param>
/// <param name="Timestamp">When the fetch started.</param>
/// <param name="Trigger">Why: <c>initial</c>, <c>scheduled</c>, <c>retry</c>, <c>manual</c> or <c>kid-miss</c>.</param>
public sealed record JwksFetchStarted(string Name, Uri Url, DateTimeOffset Timestamp, string Trigger)
{
    private bool PrintMembers(StringBuilder builder)
    {
        JwksEventText.Head(builder, Name, Url, Timestamp).Append(", Trigger = ").Append(Trigger);
        return true;
    }
}
