using System.Text.Encodings.Web;
using System.Text.Json;
using AkkaJwks.Http;
using AkkaJwks.Keys;
using AkkaJwks.Telemetry;

namespace AkkaJwks.Cli.Output;

/// <summary>
/// The one-line JSON object <c>watch --json</c> prints per event. Every line has the same members:
/// <c>event</c> (<c>fetch.start</c>, <c>fetch.stop</c>, <c>fetch.exception</c>, <c>keys.changed</c>),
/// <c>name</c>, <c>url</c>, <c>time</c> (ISO 8601, UTC), and <c>trigger</c>, <c>duration_ms</c>,
/// <c>key_count</c>, <c>not_modified</c>, <c>reason</c>, <c>message</c>, <c>failures_in_row</c>,
/// <c>next_attempt_ms</c>, <c>added</c>, <c>removed</c>, <c>rejected</c>, null where they do not apply.
/// </summary>
internal static class EventJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The line for <paramref name="telemetryEvent"/>, or <see langword="null"/> for other objects.</summary>
    public static string? Write(object telemetryEvent)
    {
        var line = telemetryEvent switch
        {
            JwksFetchStarted e => new EventLine("fetch.start", e.Name, e.Url, e.Timestamp) { Trigger = e.Trigger },
            JwksFetchSucceeded e => new EventLine("fetch.stop", e.Name, e.Url, e.Timestamp)
            {
                Duration = e.Duration, KeyCount = e.KeyCount, NotModified = e.NotModified, Rejected = e.Refused,
            },
            JwksFetchFailed e => new EventLine("fetch.exception", e.Name, e.Url, e.Timestamp)
            {
                Duration = e.Duration, Reason = ReasonName.Of(e.Reason), Message = e.Message,
                FailuresInRow = e.FailuresInRow, NextAttemptIn = e.NextAttemptIn, Rejected = e.Refused,
            },
            JwksKeysChanged e => new EventLine("keys.changed", e.Name, e.Url, e.Timestamp)
            {
                KeyCount = e.KeyCount, Added = Shown(e.Added), Removed = Shown(e.Removed),
            },
            _ => null,
        };

        return line is null ? null : Write(line);
    }

    private static string Write(EventLine line)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("event", line.Event);
            json.WriteString("name", line.Name);
            json.WriteString("url", JwksUrl.Redact(line.Url));
            json.WriteString("time", line.Time.ToUniversalTime().ToString("O"));
            JwksJsonWriter.WriteNullable(json, "trigger", line.Trigger);
            WriteNumber(json, "duration_ms", line.Duration?.TotalMilliseconds);
            WriteNumber(json, "key_count", line.KeyCount);
            WriteBoolean(json, "not_modified", line.NotModified);
            JwksJsonWriter.WriteNullable(json, "reason", line.Reason);
            JwksJsonWriter.WriteNullable(json, "message", line.Message);
            WriteNumber(json, "failures_in_row", line.FailuresInRow);
            WriteNumber(json, "next_attempt_ms", line.NextAttemptIn?.TotalMilliseconds);
            WriteList(json, "added", line.Added);
            WriteList(json, "removed", line.Removed);
            if (line.Rejected is { } rejected)
            {
                JwksJsonWriter.WriteRejected(json, rejected);
            }
            else
            {
                json.WriteNull("rejected");
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static IReadOnlyList<string> Shown(IReadOnlyList<string> kids) =>
        kids.Select(kid => KeyRow.Shown(kid)!).ToList();

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, Math.Round(number, 3));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteBoolean(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } flag)
        {
            json.WriteBoolean(name, flag);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private sealed record EventLine(string Event, string Name, Uri Url, DateTimeOffset Time)
    {
        public string? Trigger { get; init; }

        public TimeSpan? Duration { get; init; }

        public int? KeyCount { get; init; }

        public bool? NotModified { get; init; }

        public string? Reason { get; init; }

        public string? Message { get; init; }

        public int? FailuresInRow { get; init; }

        public TimeSpan? NextAttemptIn { get; init; }

        public IReadOnlyList<string>? Added { get; init; }

        public IReadOnlyList<string>? Removed { get; init; }

        public IReadOnlyList<RefusedKey>? Rejected { get; init; }
    }
}
