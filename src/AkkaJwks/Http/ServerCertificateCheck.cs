using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using AkkaJwks.Keys;

namespace AkkaJwks.Http;

/// <summary>
/// The certificate rules of <see cref="HttpJwksClientOptions"/>: validation is always on; pins replace chain trust
/// but not the host name; a caller's callback decides with the platform's findings.
/// </summary>
internal sealed class ServerCertificateCheck
{
    // The handler calls back with the SslStream, not the request, so a refusal is kept by host name until the call
    // that failed collects it; concurrent calls to one host with different certificates could swap reasons.
    private readonly ConcurrentDictionary<string, string> _refusals = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _pins;
    private readonly Func<X509Certificate2, X509Chain?, SslPolicyErrors, bool>? _callback;

    public ServerCertificateCheck(HttpJwksClientOptions options)
    {
        _pins = new HashSet<string>(options.PinnedSpkiSha256, StringComparer.Ordinal);
        _callback = options.ServerCertificateValidation;
    }

    /// <summary>The handler's callback; on refusal it keeps the reason for <see cref="TakeRefusal"/>.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var refusal = Refuse(certificate, chain, errors);
        if (refusal is not null && sender is SslStream { TargetHostName: { Length: > 0 } host })
        {
            _refusals[host] = refusal;
        }

        return refusal is null;
    }

    /// <summary>Why the certificate of <paramref name="url"/>'s host was last refused, if it was.</summary>
    public string? TakeRefusal(Uri url) =>
        _refusals.TryRemove(url.IdnHost.Trim('[', ']'), out var refusal) ? refusal : null;

    /// <summary>Why the certificate is refused, or <see langword="null"/> when it is accepted.</summary>
    public string? Refuse(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return "the server sent no certificate";
        }

        var leaf = certificate as X509Certificate2
            ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (_pins.Count > 0)
        {
            var pin = JwksSpkiPin.Compute(leaf);
            if (!_pins.Contains(pin))
            {
                return $"the pin failed: the certificate's public key has the pin {pin}, which matches none of the " +
                    $"{_pins.Count} pinned-spki-sha256 value(s)";
            }
        }

        if (_callback is not null)
        {
            return _callback(leaf, chain, errors)
                ? null
                : $"the custom certificate validation refused it (the platform found: {Describe(errors, chain)})";
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return $"the name failed: the certificate (subject {Shown(leaf.Subject)}) does not cover the host name";
        }

        // A matching pin is the trust anchor, so the chain's verdict no longer counts; the name's still does.
        var chainErrors = _pins.Count > 0
            ? SslPolicyErrors.None
            : errors & SslPolicyErrors.RemoteCertificateChainErrors;
        return chainErrors == SslPolicyErrors.None && (errors & SslPolicyErrors.RemoteCertificateNotAvailable) == 0
            ? null
            : $"the chain failed: {Describe(errors, chain)} for the certificate issued to {Shown(leaf.Subject)} by " +
                Shown(leaf.Issuer);
    }

    // A subject and an issuer are whatever the server's certificate says, control characters included.
    private static string Shown(string name) => JwkDisplay.Escape(name);

    private static string Describe(SslPolicyErrors errors, X509Chain? chain)
    {
        if (errors == SslPolicyErrors.None)
        {
            return "no errors";
        }

        var statuses = chain?.ChainStatus.Select(status => status.Status.ToString()).Distinct().ToArray() ?? [];
        return statuses.Length == 0 ? errors.ToString() : $"{errors} ({string.Join(", ", statuses)})";
    }
}
