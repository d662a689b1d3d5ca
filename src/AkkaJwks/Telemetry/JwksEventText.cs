using System.Collections.Immutable;
using System.Text;
using AkkaJwks.Configuration;
using AkkaJwks.Http;
using AkkaJwks.Keys;

namespace AkkaJwks.Telemetry;

/// <summary>
/// The <c>ToString()</c> of the telemetry events: what a log line of one shows. The URL is redacted (its properties
/// keep it as configured), kids are shown safely and durations the HOCON way.
/// </summary>
internal static class JwksEventText
{
    public static StringBuilder Head(StringBuilder builder, string name, Uri url, DateTimeOffset timestamp) =>
        builder.Append("Name = ").Append(JwkDisplay.Safe(name))
            .Append(", Url = ").Append(JwksUrl.Redact(url))
            .Append(", Timestamp = ").Append(timestamp.ToString("O"));

    public static StringBuilder Duration(this StringBuilder builder, string label, TimeSpan duration) =>
        builder.Append(", ").Append(label).Append(" = ").Append(JwksDurations.Format(duration));

    public static StringBuilder Kids(this StringBuilder builder, string label, IEnumerable<string> kids) =>
        builder.Append(", ").Append(label).Append(" = [").AppendJoin(", ", kids.Select(JwkDisplay.Safe)).Append(']');

    public static StringBuilder Refused(this StringBuilder builder, ImmutableArray<RefusedKey> refused) =>
        refused.IsDefaultOrEmpty
            ? builder.Append(", Refused = []")
            : builder.Append(", Refused = [").AppendJoin(", ", refused).Append(']');
}
