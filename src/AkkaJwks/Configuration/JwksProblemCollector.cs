using System.Globalization;

namespace AkkaJwks.Configuration;

/// <summary>
/// Collects the problems of one block of options (a fetcher, the defaults or the root), remembering the value of
/// each option as written so that every message quotes it, and which options were already reported so that one
/// bad value does not also fail the rules that compare it with others.
/// </summary>
internal sealed class JwksProblemCollector
{
    private readonly Func<string, string> _pathOf;
    private readonly List<JwksConfigurationProblem> _problems;
    private readonly Dictionary<string, string> _written = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public JwksProblemCollector(Func<string, string> pathOf, List<JwksConfigurationProblem> problems)
    {
        _pathOf = pathOf;
        _problems = problems;
    }

    public const string Missing = "(missing)";

    public string PathOf(string key) => _pathOf(key);

    public void Written(string key, string value) => _written[key] = value;

    public bool IsReported(string key) => _reported.Contains(key);

    /// <summary>The value as written in HOCON, or else <paramref name="value"/> formatted the way HOCON would.</summary>
    public string Show(string key, object? value) =>
        _written.TryGetValue(key, out var written) ? written : Format(value);

    public void Add(string key, object? value, string expected) => AddAt(key, PathOf(key), Show(key, value), expected);

    /// <summary>Adds a problem at a path below <paramref name="key"/> (an element of a list or an object).</summary>
    public void AddAt(string key, string path, string shown, string expected)
    {
        _reported.Add(key);
        _problems.Add(new JwksConfigurationProblem(path, shown, expected));
    }

    /// <summary>Formats a value as HOCON would write it: durations with the largest whole unit.</summary>
    public static string Format(object? value) => value switch
    {
        null => Missing,
        TimeSpan span => FormatDuration(span),
        bool flag => flag ? "on" : "off",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? Missing,
    };

    private static string FormatDuration(TimeSpan span)
    {
        var ms = span.Ticks / TimeSpan.TicksPerMillisecond;
        if (span.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            return span.ToString("c", CultureInfo.InvariantCulture);
        }

        return ms switch
        {
            _ when ms != 0 && ms % 3_600_000 == 0 => $"{ms / 3_600_000}h",
            _ when ms != 0 && ms % 60_000 == 0 => $"{ms / 60_000}m",
            _ when ms != 0 && ms % 1_000 == 0 => $"{ms / 1_000}s",
            _ => $"{ms}ms",
        };
    }
}
