using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AkkaJwks.Http;

namespace AkkaJwks.Configuration;

/// <summary>
/// How one named fetcher gets and keeps its JWKS. Every default lives in <c>hocon/reference.conf</c> under
/// <c>akka.jwks.defaults</c>; <see cref="Create"/> starts from those. Options are validated when a fetcher starts.
/// </summary>
public sealed record JwksFetcherOptions
{
    /// <summary>The fetcher's name: how look-ups find it, and (escaped) its actor's name.</summary>
    public required string Name { get; init; }

    /// <summary>The JWKS endpoint: absolute, https unless loopback or <see cref="AllowInsecureHttp"/>.</summary>
    public required Uri Url { get; init; }

    /// <summary>Time between successful fetches. Default 15 minutes (<c>refresh-interval</c>).</summary>
    public required TimeSpan RefreshInterval { get; init; }

    /// <summary>Floor for a refresh scheduled from Cache-Control or Expires. Default 1 minute.</summary>
    public required TimeSpan MinRefreshInterval { get; init; }

    /// <summary>Fraction (0 to 0.5) by which the periodic refresh is spread. Default 0.1.</summary>
    public required double RefreshJitter { get; init; }

    /// <summary>First wait after a failed fetch; doubles per failure with jitter. Default 30 seconds.</summary>
    public required TimeSpan RetryInterval { get; init; }

    /// <summary>Longest wait between failed fetches; caps Retry-After too. Default 5 minutes.</summary>
    public required TimeSpan MaxRetryInterval { get; init; }

    /// <summary>Whether <c>StartFetcher</c> answers only after the first fetch. Default off.</summary>
    public required bool SyncInit { get; init; }

    /// <summary>With <see cref="SyncInit"/>, whether a failed first fetch stops the fetcher. Default off.</summary>
    public required bool StopOnSyncInitFailure { get; init; }

    /// <summary>Budget of one fetch attempt, quick retries included. Default 10 seconds.</summary>
    public required TimeSpan RequestTimeout { get; init; }

    /// <summary>Quick retries of transient failures inside one attempt. Default 2.</summary>
    public required int TransientRetries { get; init; }

    /// <summary>Largest response body accepted. Default 1 MiB.</summary>
    public required long MaxResponseBytes { get; init; }

    /// <summary>Largest total size of response headers. Default 64 KiB.</summary>
    public required int MaxResponseHeadersBytes { get; init; }

    /// <summary>Most keys a set may hold. Default 500.</summary>
    public required int MaxKeys { get; init; }

    /// <summary>Most redirects followed. Default 3.</summary>
    public required int MaxRedirects { get; init; }

    /// <summary>Whether plain http to a host other than loopback is allowed. Default off.</summary>
    public required bool AllowInsecureHttp { get; init; }

    /// <summary>SHA-256 pins (base64) of the endpoint's SubjectPublicKeyInfo. Default none.</summary>
    public required IReadOnlyList<string> PinnedSpkiSha256 { get; init; }

    /// <summary>Extra request headers (the seed's <c>http_opts</c>). Default none.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>At most one refresh per this span is triggered by unknown kids. Default 30 seconds.</summary>
    public required TimeSpan KidMissCooldown { get; init; }

    /// <summary>How long a look-up of an unknown kid waits for the refresh it triggered. Default 5 seconds.</summary>
    public required TimeSpan KidMissWait { get; init; }

    /// <summary>How long a kid still unknown after a refresh is remembered as absent. Default 5 minutes.</summary>
    public required TimeSpan UnknownKidTtl { get; init; }

    /// <summary>
    /// The HTTP client to use (the seed's <c>http_client</c>); <see langword="null"/> for the default on
    /// <see cref="HttpClient"/>. Code-only: HOCON cannot name one.
    /// </summary>
    public IJwksHttpClient? HttpClient { get; init; }

    /// <summary>
    /// An extra server certificate check for the built-in client, given the leaf, the chain and the platform's
    /// errors; it decides (see <see cref="HttpJwksClientOptions.ServerCertificateValidation"/>). It can accept a
    /// certificate the platform refuses, a private CA say: the caller's deliberate choice, never made by AkkaJwks.
    /// With <see cref="PinnedSpkiSha256"/>, a pin must match before it is asked. <see langword="null"/> (the only
    /// value HOCON gives): the platform's chain and name checks decide. Code-only; ignored when
    /// <see cref="HttpClient"/> or <c>JwksSetup.HttpClientFactory</c> supplies the client.
    /// </summary>
    public Func<X509Certificate2, X509Chain?, SslPolicyErrors, bool>? ServerCertificateValidation { get; init; }

    /// <summary>
    /// Creates options for <paramref name="name"/> and <paramref name="url"/> with every other value taken from
    /// <c>akka.jwks.defaults</c> of the embedded <c>reference.conf</c>. Nothing is validated here: a fetcher
    /// validates its options when it starts (see <see cref="Validate"/>).
    /// </summary>
    public static JwksFetcherOptions Create(string name, Uri url)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(url);
        var problems = new List<JwksConfigurationProblem>();
        var collector = new JwksProblemCollector(key => JwksConfigPaths.FetcherOption(name, key), problems);
        collector.Written(JwksConfigPaths.Url, JwksUrl.Redact(url.OriginalString));
        var options = JwksFetcherOptionsBinder.Bind(name, Akka.Configuration.Config.Empty,
            JwksReferenceConfig.Defaults, collector);
        return options with { Url = url };
    }

    /// <summary>
    /// Every rule these options break, each reported under the HOCON path the option would have in
    /// <c>akka.jwks.fetchers.&lt;name&gt;</c>, with the value formatted as HOCON writes it. Empty when valid.
    /// </summary>
    public IReadOnlyList<JwksConfigurationProblem> Validate()
    {
        var problems = new List<JwksConfigurationProblem>();
        var nameProblem = JwksFetcherOptionsValidator.CheckName(Name);
        if (nameProblem is not null)
        {
            problems.Add(new JwksConfigurationProblem(
                JwksConfigPaths.FetcherOption(Name ?? "", "")[..^1],
                JwksConfigPaths.Escape(Name ?? JwksProblemCollector.Missing), nameProblem));
        }

        var collector = new JwksProblemCollector(key => JwksConfigPaths.FetcherOption(Name ?? "", key), problems);
        JwksFetcherOptionsValidator.Validate(this, collector);
        return problems;
    }

    /// <summary>
    /// Every member, for a log line or a debugger: the URL redacted (<c>https://…@host/path?…</c>, a query or
    /// user-info may be a credential), header values hidden, durations written the HOCON way.
    /// </summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Name = ").Append(Name)
            .Append(", Url = ").Append(Url is null ? "" : JwksUrl.Redact(Url))
            .Append(", RefreshInterval = ").Append(JwksDurations.Format(RefreshInterval))
            .Append(", MinRefreshInterval = ").Append(JwksDurations.Format(MinRefreshInterval))
            .Append(", RefreshJitter = ").Append(JwksProblemCollector.Format(RefreshJitter))
            .Append(", RetryInterval = ").Append(JwksDurations.Format(RetryInterval))
            .Append(", MaxRetryInterval = ").Append(JwksDurations.Format(MaxRetryInterval))
            .Append(", SyncInit = ").Append(SyncInit)
            .Append(", StopOnSyncInitFailure = ").Append(StopOnSyncInitFailure)
            .Append(", RequestTimeout = ").Append(JwksDurations.Format(RequestTimeout))
            .Append(", TransientRetries = ").Append(TransientRetries)
            .Append(", MaxResponseBytes = ").Append(MaxResponseBytes)
            .Append(", MaxResponseHeadersBytes = ").Append(MaxResponseHeadersBytes)
            .Append(", MaxKeys = ").Append(MaxKeys)
            .Append(", MaxRedirects = ").Append(MaxRedirects)
            .Append(", AllowInsecureHttp = ").Append(AllowInsecureHttp)
            .Append(", PinnedSpkiSha256 = [").AppendJoin(", ", PinnedSpkiSha256 ?? []).Append(']')
            .Append(", Headers = { ")
            .AppendJoin(", ", (Headers ?? new Dictionary<string, string>()).Select(h =>
                $"{JwksConfigPaths.Escape(h.Key)} = {JwksHoconReader.Hidden}"))
            .Append(" }")
            .Append(", KidMissCooldown = ").Append(JwksDurations.Format(KidMissCooldown))
            .Append(", KidMissWait = ").Append(JwksDurations.Format(KidMissWait))
            .Append(", UnknownKidTtl = ").Append(JwksDurations.Format(UnknownKidTtl))
            .Append(", HttpClient = ").Append(HttpClient?.GetType().Name ?? "(default)")
            .Append(", ServerCertificateValidation = ")
            .Append(ServerCertificateValidation is null ? "(none)" : "(set)");
        return true;
    }

    /// <summary>Throws when <see cref="Validate"/> finds any problem.</summary>
    /// <exception cref="JwksConfigurationException">The options break a rule; every problem is listed.</exception>
    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new JwksConfigurationException(problems);
        }
    }
}
