using Akka.Configuration;
using AkkaJwks.Http;
using P = AkkaJwks.Configuration.JwksConfigPaths;

namespace AkkaJwks.Configuration;

/// <summary>Binds one HOCON block (a fetcher's, over the defaults) to <see cref="JwksFetcherOptions"/>.</summary>
internal static class JwksFetcherOptionsBinder
{
    /// <summary>The option keys a block of <c>akka.jwks.defaults</c> may hold: those of <c>reference.conf</c>.</summary>
    public static IReadOnlyCollection<string> DefaultKeys { get; } =
        JwksReferenceConfig.Defaults.Root.GetObject().Items.Keys.ToArray();

    /// <summary>
    /// Binds <paramref name="block"/> (with <paramref name="defaults"/> behind it) to options named
    /// <paramref name="name"/>. Problems go to <paramref name="problems"/>; the options returned are then only good
    /// for finding more problems.
    /// </summary>
    public static JwksFetcherOptions Bind(string name, Config block, Config defaults, JwksProblemCollector problems)
    {
        var reader = new JwksHoconReader(block.WithFallback(defaults), problems);
        return new JwksFetcherOptions
        {
            Name = name,
            Url = ReadUrl(reader, problems)!,
            RefreshInterval = reader.Duration(P.RefreshInterval),
            MinRefreshInterval = reader.Duration(P.MinRefreshInterval),
            RefreshJitter = reader.Double(P.RefreshJitter),
            RetryInterval = reader.Duration(P.RetryInterval),
            MaxRetryInterval = reader.Duration(P.MaxRetryInterval),
            SyncInit = reader.Bool(P.SyncInit),
            StopOnSyncInitFailure = reader.Bool(P.StopOnSyncInitFailure),
            RequestTimeout = reader.Duration(P.RequestTimeout),
            TransientRetries = reader.Int(P.TransientRetries),
            MaxResponseBytes = reader.Long(P.MaxResponseBytes),
            MaxResponseHeadersBytes = reader.Int(P.MaxResponseHeadersBytes),
            MaxKeys = reader.Int(P.MaxKeys),
            MaxRedirects = reader.Int(P.MaxRedirects),
            AllowInsecureHttp = reader.Bool(P.AllowInsecureHttp),
            PinnedSpkiSha256 = reader.StringList(P.PinnedSpkiSha256),
            Headers = reader.Object(P.Headers),
            KidMissCooldown = reader.Duration(P.KidMissCooldown),
            KidMissWait = reader.Duration(P.KidMissWait),
            UnknownKidTtl = reader.Duration(P.UnknownKidTtl),
        };
    }

    /// <summary>Reports every key of <paramref name="block"/> that is not in <paramref name="known"/>.</summary>
    public static void CheckKeys(Config block, IEnumerable<string> known, JwksProblemCollector problems)
    {
        var knownKeys = known.ToArray();
        foreach (var (key, value) in block.Root.GetObject().Items)
        {
            if (!knownKeys.Contains(key, StringComparer.Ordinal))
            {
                // A misspelled url or headers may hold a credential: a URL is shown redacted, an object not at all.
                var shown = value.IsObject() ? "(an object, not shown)"
                    : JwksUrl.Redact(value.IsString() ? value.GetString() : value.ToString().Trim());
                problems.AddAt(key, problems.PathOf(key), shown, DescribeUnknown(key, knownKeys));
            }
        }
    }

    private static Uri? ReadUrl(JwksHoconReader reader, JwksProblemCollector problems)
    {
        var text = reader.String(P.Url);
        if (problems.IsReported(P.Url))
        {
            return null;
        }

        if (text is null)
        {
            problems.Add(P.Url, null, "expected the JWKS endpoint, for example url = \"https://issuer.example/jwks\"");
            return null;
        }

        problems.Written(P.Url, JwksUrl.Redact(text));
        // On Unix a rooted path parses as an absolute file: URL; it is still a relative URL as written.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url)
            || (url.IsFile && !text.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            const string Expected = "expected an absolute URL with a host, for example https://issuer.example/jwks";
            problems.Add(P.Url, JwksUrl.Redact(text), Expected);
            return null;
        }

        return url;
    }

    private static string DescribeUnknown(string key, IReadOnlyList<string> known)
    {
        var closest = known.MinBy(k => Distance(key, k));
        return closest is not null && Distance(key, closest) <= 3
            ? $"unknown option; did you mean '{closest}'?"
            : $"unknown option; expected one of {string.Join(", ", known)}";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
