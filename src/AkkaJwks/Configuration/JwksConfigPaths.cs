namespace AkkaJwks.Configuration;

/// <summary>The HOCON paths and option keys of <c>akka.jwks</c>, written once.</summary>
internal static class JwksConfigPaths
{
    public const string Root = "akka.jwks";
    public const string Defaults = Root + ".defaults";
    public const string Fetchers = Root + ".fetchers";
    public const string RegistryName = "registry-name";
    public const string AskTimeout = "ask-timeout";
    public const string MinBackoff = "supervision.min-backoff";
    public const string MaxBackoff = "supervision.max-backoff";
    public const string RandomFactor = "supervision.random-factor";

    public const string Url = "url";
    public const string RefreshInterval = "refresh-interval";
    public const string MinRefreshInterval = "min-refresh-interval";
    public const string RefreshJitter = "refresh-jitter";
    public const string RetryInterval = "retry-interval";
    public const string MaxRetryInterval = "max-retry-interval";
    public const string SyncInit = "sync-init";
    public const string StopOnSyncInitFailure = "stop-on-sync-init-failure";
    public const string RequestTimeout = "request-timeout";
    public const string TransientRetries = "transient-retries";
    public const string MaxResponseBytes = "max-response-bytes";
    public const string MaxResponseHeadersBytes = "max-response-headers-bytes";
    public const string MaxKeys = "max-keys";
    public const string MaxRedirects = "max-redirects";
    public const string AllowInsecureHttp = "allow-insecure-http";
    public const string PinnedSpkiSha256 = "pinned-spki-sha256";
    public const string Headers = "headers";
    public const string KidMissCooldown = "kid-miss-cooldown";
    public const string KidMissWait = "kid-miss-wait";
    public const string UnknownKidTtl = "unknown-kid-ttl";

    /// <summary>
    /// The HOCON path of a fetcher's option; a name that is not a plain HOCON key is quoted, so the path can be
    /// pasted back into a configuration file.
    /// </summary>
    public static string FetcherOption(string name, string option) => $"{Fetchers}.{QuoteKey(name)}.{option}";

    /// <summary>The path of an option of <c>akka.jwks.defaults</c>.</summary>
    public static string DefaultsOption(string option) => $"{Defaults}.{option}";

    /// <summary>Writes control characters as HOCON escapes, so a message stays on one line and shows them.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>A key as a HOCON path needs it: as it is when plain, else quoted and escaped.</summary>
    public static string QuoteKey(string key)
    {
        var plain = key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        return plain ? key : "\"" + Escape(key.Replace("\\", "\\\\").Replace("\"", "\\\"")) + "\"";
    }
}
