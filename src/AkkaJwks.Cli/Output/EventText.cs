using AkkaJwks.Http;
using AkkaJwks.Telemetry;
using Spectre.Console;

namespace AkkaJwks.Cli.Output;

/// <summary>The human line (Spectre markup) for each AkkaJwks event: kids and counts, never key material.</summary>
internal static class EventText
{
    /// <summary>The markup line for <paramref name="telemetryEvent"/>, or <see langword="null"/> for others.</summary>
    public static string? Format(object telemetryEvent) => telemetryEvent switch
    {
        JwksFetchStarted e => Line(e.Timestamp, "fetch", "default", e.Name,
            $"started ({Markup.Escape(e.Trigger)}) {Markup.Escape(JwksUrl.Redact(e.Url))}"),
        JwksFetchSucceeded e => Line(e.Timestamp, "fetched", "green", e.Name,
            $"{(e.NotModified ? "not modified, " : "")}{e.KeyCount} key(s) in "
            + CommandLineDuration.Format(e.Duration)),
        JwksFetchFailed e => Line(e.Timestamp, "failed", "red", e.Name,
            $"{ReasonName.Of(e.Reason)}: {Markup.Escape(e.Message)} (failure {e.FailuresInRow} in a row, "
            + $"next attempt in {CommandLineDuration.Format(e.NextAttemptIn)})"),
        JwksKeysChanged e => Line(e.Timestamp, "keys", "blue", e.Name,
            $"now {e.KeyCount}: added {List(e.Added)}; removed {List(e.Removed)}"),
        _ => null,
    };

    /// <summary>
    /// A live line of the program: the local time, a tag padded to one width in <paramref name="colour"/>, the
    /// fetcher's name and the text (Spectre markup).
    /// </summary>
    public static string Line(DateTimeOffset time, string tag, string colour, string name, string textMarkup) =>
        $"[grey]{time.ToLocalTime():HH:mm:ss.fff}[/] [{colour}]{Markup.Escape(tag),-7}[/] "
        + $"[bold]{Markup.Escape(name)}[/] {textMarkup}";

    private static string List(IReadOnlyList<string> kids) =>
        kids.Count == 0 ? "none" : Markup.Escape(string.Join(", ", kids.Select(KeyRow.Shown)));
}
