using AkkaJwks.Actors;
using AkkaJwks.Keys;
using AkkaJwks.Telemetry;
using Spectre.Console;

namespace AkkaJwks.Cli.Output;

/// <summary>
/// What <c>watch</c> prints: a line per event (or a JSON object with <c>--json</c>), the keys a fetch refused, and at
/// the end a line per fetcher. The closing lines are made from the events printed, so they agree with them:
/// <see cref="Print"/> runs on the listener's thread, one event at a time, and <see cref="Summary"/> only once the
/// listener has stopped.
/// </summary>
internal sealed class WatchView
{
    private readonly bool _json;
    private readonly Dictionary<string, Seen> _fetchers = new(StringComparer.Ordinal);

    /// <summary>Creates the view; with <paramref name="json"/>, events are printed as JSON objects.</summary>
    public WatchView(bool json) => _json = json;

    /// <summary>Prints <paramref name="telemetryEvent"/> and remembers what it says of its fetcher.</summary>
    public void Print(object telemetryEvent)
    {
        if (_json)
        {
            if (EventJsonWriter.Write(telemetryEvent) is { } line)
            {
                Console.Out.WriteLine(line);
            }
        }
        else if (EventText.Format(telemetryEvent) is { } markup)
        {
            Terminal.Out.MarkupLine(markup);
        }

        switch (telemetryEvent)
        {
            case JwksFetchSucceeded e:
                Update(e.Name, seen => seen with { Status = FetcherStatus.Ready, Keys = e.KeyCount, Failures = 0 });
                ShowRefused(e.Name, e.Timestamp, e.Refused, success: true);
                break;
            case JwksFetchFailed e:
                Update(e.Name, seen => seen with { Status = FetcherStatus.Failing, Failures = e.FailuresInRow });
                ShowRefused(e.Name, e.Timestamp, e.Refused, success: false);
                break;
            case JwksKeysChanged e:
                Update(e.Name, seen => seen with { Keys = e.KeyCount });
                break;
        }
    }

    /// <summary>The closing line of fetcher <paramref name="name"/>, from the events printed.</summary>
    public string Summary(string name)
    {
        var seen = _fetchers.GetValueOrDefault(name, Seen.Start);
        return $"watch: {name} is {seen.Status.ToString().ToLowerInvariant()} with {seen.Keys} key(s), "
            + $"{seen.Failures} failure(s) in a row";
    }

    private void Update(string name, Func<Seen, Seen> change) =>
        _fetchers[name] = change(_fetchers.GetValueOrDefault(name, Seen.Start));

    // Each refresh of an unchanged document refuses the same keys again: they are printed when they change, and a
    // failure for another reason (the endpoint is down) says nothing of them.
    private void ShowRefused(string name, DateTimeOffset time, IReadOnlyList<RefusedKey> refused, bool success)
    {
        var seen = _fetchers[name];
        if ((!success && refused.Count == 0) || refused.SequenceEqual(seen.Refused))
        {
            return;
        }

        _fetchers[name] = seen with { Refused = refused };
        if (_json)
        {
            return;
        }

        foreach (var key in refused)
        {
            Terminal.Out.MarkupLine(EventText.Line(time, "refused", "yellow", name,
                Markup.Escape(RefusedText.Of(key))));
        }
    }

    private sealed record Seen(FetcherStatus Status, int Keys, int Failures, IReadOnlyList<RefusedKey> Refused)
    {
        public static Seen Start { get; } = new(FetcherStatus.Starting, 0, 0, []);
    }
}
