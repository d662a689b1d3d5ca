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
        // Control characters are escaped, so a problem stays on one line of the message.
        _problems.Add(new JwksConfigurationProblem(
            JwksConfigPaths.Escape(path), JwksConfigPaths.Escape(shown), JwksConfigPaths.Escape(expected)));
    }

    /// <summary>Formats a value as HOCON would write it: durations with the largest whole unit.</summary>
    public static string Format(object? value) => value switch
    {
        null => Missing,
        TimeSpan span => JwksDurations.Format(span),
        bool flag => flag ? "on" : "off",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? Missing,
    };
}
