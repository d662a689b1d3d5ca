using System.Globalization;

namespace AkkaJwks.Cli;

/// <summary>
/// Durations as the command line writes them: a number and a unit, <c>500ms</c>, <c>10s</c>, <c>2m</c> or
/// <c>1h</c>, <c>1d</c>; the number may have a fraction (<c>1.5s</c>), and the whole is at least <c>1ms</c> and at
/// most <c>24d</c>.
/// </summary>
internal static class CommandLineDuration
{
    /// <summary>
    /// The key under which a converter's refusal (a duration's, a port's) holds the refused text in
    /// <see cref="Exception.Data"/>, so that the program can name the option it was given to.
    /// </summary>
    public const string ValueKey = "akka-jwks.duration";

    // Akka's scheduler and Task.Delay take at most int.MaxValue milliseconds (24.8 days); 24d is the round limit.
    private const double MaxMilliseconds = 24 * 86_400_000d;

    private static readonly (string Suffix, double Milliseconds)[] Units =
        [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)];

    /// <summary>Parses <paramref name="text"/>, or says in one sentence why it cannot.</summary>
    public static bool TryParse(string? text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        var trimmed = text?.Trim() ?? "";

        foreach (var (suffix, milliseconds) in Units)
        {
            if (!trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var number = trimmed[..^suffix.Length];
            if (number.Length > 0 && char.IsAsciiDigit(number[^1])
                && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            {
                var total = n * milliseconds;
                if (total > MaxMilliseconds)
                {
                    error = $"'{text}' is too long: a duration is at most 24d (the longest wait the scheduler takes).";
                    return false;
                }

                if (total > 0 && total < 1)
                {
                    error = $"'{text}' is too short: a duration is at least 1ms.";
                    return false;
                }

                if (total > 0)
                {
                    duration = TimeSpan.FromMilliseconds(total);
                    error = "";
                    return true;
                }
            }

            break;
        }

        error = $"'{text}' is not a duration: expected a positive number with a unit (500ms, 10s, 2m, 1h, 1d).";
        return false;
    }

    /// <summary>
    /// Formats a measured duration the HOCON way, rounded for people: <c>850ms</c>, <c>2.5s</c>, <c>3m</c>.
    /// </summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalMilliseconds < 1_000
            ? $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)}ms"
            : duration.TotalSeconds < 120
                ? $"{duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)}s"
                : $"{duration.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)}m";

    /// <summary>
    /// Writes a configured duration exactly, the HOCON way, in the largest unit that holds it whole: <c>10s</c>,
    /// <c>2m</c>, <c>500ms</c>, <c>1d</c>; a duration under a millisecond, or not whole in one, as milliseconds
    /// with a fraction.
    /// </summary>
    public static string Exact(TimeSpan duration)
    {
        var milliseconds = duration.TotalMilliseconds;
        for (var i = Units.Length - 1; i > 0; i--)
        {
            var (suffix, size) = Units[i];
            if (milliseconds >= size && milliseconds % size == 0)
            {
                return (milliseconds / size).ToString("0", CultureInfo.InvariantCulture) + suffix;
            }
        }

        return milliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
    }
}
