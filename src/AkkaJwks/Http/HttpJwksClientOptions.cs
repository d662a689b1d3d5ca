using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace AkkaJwks.Http;

/// <summary>
/// What <see cref="HttpJwksClient"/> keeps for the life of its connections: the certificate rules, the header size
/// limit and the clock. Per-request limits (timeout, body size, redirects) travel in <see cref="JwksHttpRequest"/>.
/// The fetcher fills these from its options, whose defaults live in <c>hocon/reference.conf</c>.
/// </summary>
public sealed record HttpJwksClientOptions
{
    /// <summary>
    /// Base64 SHA-256 pins of the endpoint's leaf certificate SubjectPublicKeyInfo (<c>pinned-spki-sha256</c>).
    /// When any is given, the leaf's key must match one of them and the host name must match the certificate; a
    /// matching pin stands in for chain trust, so a self-signed certificate is accepted when pinned. Empty: no
    /// pinning, the platform's chain and name validation decide. <see cref="JwksSpkiPin"/> computes a pin.
    /// </summary>
    public IReadOnlyList<string> PinnedSpkiSha256 { get; init; } = [];

    /// <summary>
    /// An extra certificate check, called with the leaf, the chain and the platform's errors; it decides. It can
    /// accept a certificate the platform refuses (a private CA, say): that is the caller's deliberate choice, and
    /// AkkaJwks never installs one itself. With pins, a pin must match before this is asked.
    /// </summary>
    public Func<X509Certificate2, X509Chain?, SslPolicyErrors, bool>? ServerCertificateValidation { get; init; }

    /// <summary>
    /// The largest total size of response headers, in bytes (<c>max-response-headers-bytes</c>); rounded up to
    /// whole KiB, the unit the handler counts in. A larger header block fails the attempt as
    /// <see cref="FetchFailureKind.ResponseTooLarge"/>. Default: that of <c>reference.conf</c>, 65536 (64 KiB).
    /// </summary>
    public int MaxResponseHeadersBytes { get; init; } =
        Configuration.JwksReferenceConfig.Defaults.GetInt(Configuration.JwksConfigPaths.MaxResponseHeadersBytes);

    /// <summary>The clock of the attempt's timeout and quick-retry delays; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
