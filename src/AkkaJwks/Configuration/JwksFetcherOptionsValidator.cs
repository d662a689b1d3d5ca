using Akka.Actor;
using AkkaJwks.Http;
using P = AkkaJwks.Configuration.JwksConfigPaths;

namespace AkkaJwks.Configuration;

/// <summary>
/// The rules every fetcher's options obey, wherever they come from (HOCON or code). Collects every broken rule;
/// a rule that compares two options is skipped when one of them was already reported.
/// </summary>
internal static class JwksFetcherOptionsValidator
{
    /// <summary>The shortest interval accepted: short enough for demos and tests, long enough not to hammer.</summary>
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The longest request-timeout accepted: Polly's timeout strategy refuses anything longer, and would only say so
    /// at the first fetch.
    /// </summary>
    public static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromDays(1);

    /// <summary>The longest fetcher name accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>What a negative duration is told, wherever it is found.</summary>
    public const string NegativeDuration = "must not be negative; expected at least 100ms";

    /// <summary>The name rules; <see langword="null"/> when <paramref name="name"/> is fine.</summary>
    public static string? CheckName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "expected a non-empty fetcher name";
        }

        if (name.Length > MaxNameLength)
        {
            return $"expected a fetcher name of at most {MaxNameLength} characters, not {name.Length}";
        }

        if (name.Any(char.IsControl))
        {
            return "expected a fetcher name without control characters";
        }

        if (name is "." or "..")
        {
            return "expected a name other than . or .. (in an actor path they mean this actor and its parent)";
        }

        return ActorPath.IsValidPathElement(Uri.EscapeDataString(name))
            ? null
            : $"expected a name that is a valid actor name once escaped ('{Uri.EscapeDataString(name)}' is not)";
    }

    public static void Validate(JwksFetcherOptions options, JwksProblemCollector problems)
    {
        CheckUrl(options, problems);
        Duration(problems, P.RefreshInterval, options.RefreshInterval);
        Duration(problems, P.MinRefreshInterval, options.MinRefreshInterval);
        if (!problems.IsReported(P.RefreshJitter) && !(options.RefreshJitter is >= 0 and <= 0.5))
        {
            problems.Add(P.RefreshJitter, options.RefreshJitter, "expected a fraction from 0 to 0.5");
        }

        Duration(problems, P.RetryInterval, options.RetryInterval);
        Duration(problems, P.MaxRetryInterval, options.MaxRetryInterval);
        Duration(problems, P.RequestTimeout, options.RequestTimeout);
        if (!problems.IsReported(P.RequestTimeout) && options.RequestTimeout > MaxRequestTimeout)
        {
            problems.Add(P.RequestTimeout, options.RequestTimeout,
                "must be at most 1d (24h), the longest timeout Polly accepts for one fetch");
        }

        AtLeast(problems, P.TransientRetries, options.TransientRetries, 0);
        AtLeast(problems, P.MaxResponseBytes, options.MaxResponseBytes, 1);
        AtLeast(problems, P.MaxResponseHeadersBytes, options.MaxResponseHeadersBytes, 1);
        AtLeast(problems, P.MaxKeys, options.MaxKeys, 1);
        AtLeast(problems, P.MaxRedirects, options.MaxRedirects, 0);
        CheckPins(options.PinnedSpkiSha256, problems);
        CheckHeaders(options.Headers, problems);
        Duration(problems, P.KidMissCooldown, options.KidMissCooldown);
        Duration(problems, P.KidMissWait, options.KidMissWait);
        Duration(problems, P.UnknownKidTtl, options.UnknownKidTtl);

        NotAbove(
            problems, P.MinRefreshInterval, options.MinRefreshInterval, P.RefreshInterval, options.RefreshInterval);
        NotAbove(problems, P.RetryInterval, options.RetryInterval, P.RefreshInterval, options.RefreshInterval);
        if (!problems.IsReported(P.MaxRetryInterval) && !problems.IsReported(P.RetryInterval)
            && options.MaxRetryInterval < options.RetryInterval)
        {
            problems.Add(P.MaxRetryInterval, options.MaxRetryInterval,
                $"must be at least retry-interval ({problems.Show(P.RetryInterval, options.RetryInterval)})");
        }
    }

    /// <summary>A duration of at least <see cref="MinimumDuration"/>.</summary>
    public static void Duration(JwksProblemCollector problems, string key, TimeSpan value)
    {
        if (problems.IsReported(key) || value >= MinimumDuration)
        {
            return;
        }

        var expected = value < TimeSpan.Zero ? NegativeDuration
            : value == TimeSpan.Zero ? "must not be zero; expected at least 100ms"
            : "must be at least 100ms";
        problems.Add(key, value, expected);
    }

    private static void CheckUrl(JwksFetcherOptions options, JwksProblemCollector problems)
    {
        if (problems.IsReported(P.Url))
        {
            return;
        }

        if (options.Url is null)
        {
            problems.Add(P.Url, null, "expected the JWKS endpoint, for example url = \"https://issuer.example/jwks\"");
            return;
        }

        var why = JwksTransportPolicy.Check(options.Url, options.AllowInsecureHttp);
        if (why is not null)
        {
            problems.Add(P.Url, JwksUrl.Redact(options.Url.OriginalString), why);
        }
    }

    private static void AtLeast(JwksProblemCollector problems, string key, long value, long minimum)
    {
        if (!problems.IsReported(key) && value < minimum)
        {
            problems.Add(key, value, minimum == 0 ? "must be zero or more" : "must be a positive whole number");
        }
    }

    private static void NotAbove(
        JwksProblemCollector problems, string key, TimeSpan value, string limitKey, TimeSpan limit)
    {
        if (!problems.IsReported(key) && !problems.IsReported(limitKey) && value > limit)
        {
            problems.Add(key, value, $"must not exceed {limitKey} ({problems.Show(limitKey, limit)})");
        }
    }

    private static void CheckPins(IReadOnlyList<string>? pins, JwksProblemCollector problems)
    {
        if (problems.IsReported(P.PinnedSpkiSha256) || pins is null)
        {
            return;
        }

        Span<byte> buffer = stackalloc byte[48];
        for (var i = 0; i < pins.Count; i++)
        {
            var pin = pins[i] ?? "";
            if (!Convert.TryFromBase64String(pin, buffer, out var length) || length != 32)
            {
                problems.AddAt(P.PinnedSpkiSha256, $"{problems.PathOf(P.PinnedSpkiSha256)}[{i}]", pin,
                    "expected the base64 of a 32-byte SHA-256 of the certificate's SubjectPublicKeyInfo");
            }
        }
    }

    private static void CheckHeaders(IReadOnlyDictionary<string, string>? headers, JwksProblemCollector problems)
    {
        if (problems.IsReported(P.Headers) || headers is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            // Header values may hold credentials, so a problem never quotes one.
            var path = JwksHoconReader.HeaderPath(problems.PathOf(P.Headers), name ?? "");
            if (JwksHeaders.Refusal(name ?? "") is { } refusal)
            {
                problems.AddAt(P.Headers, path, JwksHoconReader.Hidden, refusal);
            }
            else if (!seen.Add(name!))
            {
                problems.AddAt(P.Headers, path, JwksHoconReader.Hidden,
                    "the header is set twice, in names that differ only in case; header names are case-insensitive, "
                    + "so keep one of them");
            }
            else if (value is null || value.Any(c => c is '\r' or '\n' or '\0'))
            {
                problems.AddAt(
                    P.Headers, path, JwksHoconReader.Hidden, "expected a header value without CR, LF or NUL");
            }
        }
    }
}
