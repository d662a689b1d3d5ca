using System.Globalization;

namespace AkkaJwks.Configuration;

/// <summary>Writes a duration the way HOCON does (<c>500ms</c>, <c>10s</c>, <c>2m</c>), for messages and problems.</summary>
internal static class JwksDurations
{
    /// <summary>
    /// <paramref name="span"/> in its largest whole unit (h, m, s or ms); a span with a fraction of a millisecond,
    /// which HOCON cannot write in those units, as <c>d.hh:mm:ss.fffffff</c>.
    /// </summary>
    public static string Format(TimeSpan span)
    {
        if (span.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            return span.ToString("c", CultureInfo.InvariantCulture);
        }

        var ms = span.Ticks / TimeSpan.TicksPerMillisecond;
        return ms switch
        {
            _ when ms != 0 && ms % 3_600_000 == 0 => $"{ms / 3_600_000}h",
            _ when ms != 0 && ms % 60_000 == 0 => $"{ms / 60_000}m",
            _ when ms != 0 && ms % 1_000 == 0 => $"{ms / 1_000}s",
            _ => $"{ms}ms",
        };
    }

    /// <summary>
    /// <paramref name="span"/> for a person reading a message: rounded to whole seconds from 10 seconds on, to whole
    /// milliseconds below, then written as <see cref="Format"/> does (<c>1m</c>, <c>119s</c>, <c>1500ms</c>).
    /// </summary>
    public static string Readable(TimeSpan span) => Format(span >= TimeSpan.FromSeconds(10)
        ? TimeSpan.FromSeconds(Math.Round(span.TotalSeconds))
        : TimeSpan.FromMilliseconds(Math.Round(span.TotalMilliseconds)));
}
