using AkkaJwks.Telemetry;
using Spectre.Console;

namespace AkkaJwks.Cli.Output;

/// <summary>The human line (Spectre markup) for each AkkaJwks event: kids and counts, never key material.</summary>
internal static class EventText
{
    /// <summary>The markup line for <paramref name="telemetryEvent"/>, or <see langword="null"/> for others.</summary>
    public static string? Format(object telemetryEvent) => telemetryEvent switch
    {
        JwksFetchStarted e => Line(e.Timestamp, "fetch", e.Name,
            $"started ({Markup.Escape(e.Trigger)}) {Markup.Escape(e.Url.ToString())}"),
        JwksFetchSucceeded e => Line(e.Timestamp, "[green]fetched[/]", e.Name,
            $"{(e.NotModified ? "not modified, " : "")}{e.KeyCount} key(s) in "
            + CommandLineDuration.Format(e.Duration)),
        JwksFetchFailed e => Line(e.Timestamp, "[red]failed[/]", e.Name,
            $"{ReasonName.Of(e.Reason)}: {Markup.Escape(e.Message)} (failure {e.FailuresInRow} in a row, "
            + $"next attempt in {CommandLineDuration.Format(e.NextAttemptIn)}; the last good keys are kept)"),
        JwksKeysChanged e => Line(e.Timestamp, "[blue]keys[/]", e.Name,
            $"now {e.KeyCount}: added {List(e.Added)}; removed {List(e.Removed)}"),
        _ => null,
    };

    /// <summary>A line with a time and a tag, as every live line of the program is shaped.</summary>
    public static string Line(DateTimeOffset time, string tagMarkup, string name, string textMarkup) =>
        $"[grey]{time.ToLocalTime():HH:mm:ss.fff}[/] {tagMarkup} [bold]{Markup.Escape(name)}[/] {textMarkup}";

    private static string List(IReadOnlyList<string> kids) =>
        kids.Count == 0 ? "none" : Markup.Escape(string.Join(", ", kids));
}
