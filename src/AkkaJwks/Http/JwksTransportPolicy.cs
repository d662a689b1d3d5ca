using System.Net;

namespace AkkaJwks.Http;

/// <summary>Where AkkaJwks may fetch keys from: HTTPS, or plain HTTP only to loopback unless allowed deliberately.</summary>
public static class JwksTransportPolicy
{
    /// <summary>Whether <paramref name="url"/> names a loopback host: 127.0.0.0/8, ::1 or <c>localhost</c>.</summary>
    public static bool IsLoopback(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.Equals(url.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>
    /// Why <paramref name="url"/> may not be fetched, or <see langword="null"/> when it may: it must be absolute
    /// with a host, and https unless it is loopback or <paramref name="allowInsecureHttp"/> is on.
    /// </summary>
    public static string? Check(Uri url, bool allowInsecureHttp)
    {
        ArgumentNullException.ThrowIfNull(url);
        // The URL is shown redacted: a query or user-info may carry a credential.
        var shown = JwksUrl.Redact(url);
        if (!url.IsAbsoluteUri || string.IsNullOrEmpty(url.Host))
        {
            return $"'{shown}' is not an absolute URL with a host; expected for example https://issuer.example/jwks";
        }

        if (url.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (url.Scheme != Uri.UriSchemeHttp)
        {
            return $"'{shown}' uses the scheme '{url.Scheme}'; expected https";
        }

        if (IsLoopback(url) || allowInsecureHttp)
        {
            return null;
        }

        return $"'{shown}' is plain http to a host that is not loopback; use https, or set allow-insecure-http = on " +
            "to allow it deliberately";
    }
}
