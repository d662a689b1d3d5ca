using Akka.Configuration;
using Akka.Configuration.Hocon;
using AkkaJwks.Http;

namespace AkkaJwks.Configuration;

/// <summary>
/// Reads typed values from one HOCON block. A value that does not parse becomes a problem and a placeholder, so that
/// reading goes on and every problem of the configuration is found in one pass.
/// </summary>
internal sealed class JwksHoconReader
{
    private readonly Config _config;
    private readonly JwksProblemCollector _problems;

    public JwksHoconReader(Config config, JwksProblemCollector problems)
    {
        _config = config;
        _problems = problems;
    }

    public string? String(string key)
    {
        var value = Raw(key);
        if (value is null)
        {
            return null;
        }

        if (!value.IsString())
        {
            _problems.Add(key, ShowValue(value), "expected a string");
            return null;
        }

        return value.GetString();
    }

    public TimeSpan Duration(string key)
    {
        // Akka's reader cannot read a negative duration at all; a sign before a number is reported as what it is.
        if (Raw(key) is { } value && value.IsString() && value.GetString().Trim() is ['-', >= '0' and <= '9', ..])
        {
            var shown = ShowValue(value);
            _problems.Written(key, shown);
            _problems.Add(key, shown, JwksFetcherOptionsValidator.NegativeDuration);
            return TimeSpan.Zero;
        }

        return Read(
            key, TimeSpan.Zero, v => v.GetTimeSpan(allowInfinite: false),
            "expected a duration such as 500ms, 30s or 15m");
    }

    public int Int(string key) => Read(key, 0, v => v.GetInt(), "expected a whole number");

    public long Long(string key) => Read(key, 0L, v => v.GetLong(), "expected a whole number");

    public double Double(string key) => Read(key, 0d, v => v.GetDouble(), "expected a number");

    public bool Bool(string key) => Read(key, false, v => v.GetBoolean(), "expected on or off");

    public IReadOnlyList<string> StringList(string key)
    {
        var value = RawOrEmpty(key);
        if (value is null)
        {
            return [];
        }

        // An empty HOCON list is not reported as an array, so the list is read and a failure reported.
        if (value.IsString() || value.IsObject())
        {
            _problems.Add(key, ShowValue(value), "expected a list of strings, such as []");
            return [];
        }

        return Read(
            key, [], v => (IReadOnlyList<string>)[.. v.GetStringList()], "expected a list of strings, such as []");
    }

    /// <summary>
    /// Reads a block of request headers. A header's value may be a credential, so no problem quotes it, nor the
    /// block when it is not one. Two names that differ only in case are refused: HTTP names are case-insensitive.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers(string key)
    {
        var value = RawOrEmpty(key);
        if (value is null)
        {
            return new Dictionary<string, string>();
        }

        if (!value.IsObject())
        {
            _problems.Add(key, Hidden, "expected an object of header names to values, such as { X-Tenant = \"a\" }");
            return new Dictionary<string, string>();
        }

        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, item) in value.GetObject().Items)
        {
            var path = HeaderPath(_problems.PathOf(key), name);
            if (result.Keys.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } seen)
            {
                _problems.AddAt(key, path, Hidden,
                    $"the header '{JwksConfigPaths.Escape(seen)}' is already set in this block; header names are "
                    + "case-insensitive, so keep one of them");
            }
            else if (item.IsString())
            {
                result[name] = item.GetString();
            }
            else
            {
                _problems.AddAt(key, path, Hidden, "expected a string");
            }
        }

        return result;
    }

    /// <summary>What a problem shows for a value that must never be quoted (a header's value).</summary>
    public const string Hidden = "(hidden)";

    /// <summary>The path of a header of a block: its name quoted, as HOCON would need it.</summary>
    public static string HeaderPath(string headersPath, string name) =>
        $"{headersPath}.\"{name.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";

    /// <summary>
    /// A value as a message may show it, on one line: text as written, except that anything from a <c>?</c>,
    /// <c>#</c> or <c>@</c> on is hidden the way a URL is redacted (<see cref="JwksUrl.Redact(string)"/>); a list
    /// element by element; an object never (it may be a whole block of secrets), only as "an object".
    /// </summary>
    public static string Describe(HoconValue value)
    {
        if (value.IsString())
        {
            return JwksConfigPaths.Escape(JwksUrl.Redact(value.GetString()));
        }

        if (value.IsObject())
        {
            return "an object";
        }

        return value.IsArray() ? "[" + string.Join(", ", value.GetArray().Select(Describe)) + "]" : "an empty value";
    }

    private T Read<T>(string key, T placeholder, Func<HoconValue, T> parse, string expected)
    {
        var value = Raw(key);
        if (value is null)
        {
            _problems.Add(key, null, expected);
            return placeholder;
        }

        var shown = ShowValue(value);
        _problems.Written(key, shown);
        try
        {
            return parse(value);
        }
        catch (Exception e) when (e is FormatException or OverflowException or NotSupportedException
            or InvalidOperationException or ArgumentException or ConfigurationException)
        {
            _problems.Add(key, shown, expected);
            return placeholder;
        }
    }

    private HoconValue? Raw(string key)
    {
        var value = _config.HasPath(key) ? _config.GetValue(key) : null;
        return value is null || value.IsEmpty ? null : value;
    }

    /// <summary>An empty list or object reads as absent here: both mean "none".</summary>
    private HoconValue? RawOrEmpty(string key)
    {
        var value = _config.HasPath(key) ? _config.GetValue(key) : null;
        return value is null || value.IsEmpty || value.Values.Count == 0 ? null : value;
    }

    private static string ShowValue(HoconValue value) => Describe(value);
}
