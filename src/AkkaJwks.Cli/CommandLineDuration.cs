using System.Globalization;

namespace AkkaJwks.Cli;

/// <summary>
/// Durations as the command line writes them: a number and a unit, <c>500ms</c>, <c>10s</c>, <c>2m</c> or
/// <c>1h</c>; the number may have a fraction (<c>1.5s</c>).
/// </summary>
internal static class CommandLineDuration
{
    private static readonly (string Suffix, double Milliseconds)[] Units =
        [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000)];

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
                if (total > 0 && total <= TimeSpan.MaxValue.TotalMilliseconds / 2)
                {
                    duration = TimeSpan.FromMilliseconds(total);
                    error = "";
                    return true;
                }
            }

            break;
        }

        error = $"'{text}' is not a duration: expected a positive number with a unit (500ms, 10s, 2m, 1h).";
        return false;
    }

    /// <summary>Formats a duration for people: <c>850 ms</c>, <c>2.5 s</c>, <c>3 m</c>.</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalMilliseconds < 1_000
            ? $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
            : duration.TotalSeconds < 120
                ? $"{duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s"
                : $"{duration.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} m";
}
