using System.Net.Http;

namespace AkkaJwks.Http;

/// <summary>
/// Decides where a redirect may lead: within the redirect budget, never back to a URL already visited, never from
/// https to http, and only where <see cref="JwksTransportPolicy"/> would allow a configured URL.
/// </summary>
internal static class JwksRedirect
{
    /// <summary>The URL to follow, checked before any connection is made to it.</summary>
    public static Uri Next(
        HttpResponseMessage response, Uri url, JwksHttpRequest request, ISet<Uri> visited, int followed,
        TimeProvider clock)
    {
        if (response.Headers.Location is not { } location)
        {
            throw JwksResponseReader.StatusFailure(response, url, clock);
        }

        var next = location.IsAbsoluteUri ? location : new Uri(url, location);
        var (fetching, from, to) = (FetchFailures.Fetching(request.Url), JwksUrl.Redact(url), JwksUrl.Redact(next));
        if (url.Scheme == Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttps)
        {
            throw new JwksFetchException(FetchFailureKind.InsecureTransport, request.Url,
                $"{fetching} failed: {from} redirected from https to {to}, which is always refused; " +
                "configure the https URL the keys are served from.", (int)response.StatusCode);
        }

        if (JwksTransportPolicy.Check(next, request.AllowInsecureHttp) is { } refusal)
        {
            throw new JwksFetchException(FetchFailureKind.InsecureTransport, request.Url,
                $"{fetching} failed: {from} redirected to {to}, and {refusal}.", (int)response.StatusCode);
        }

        if (!visited.Add(next))
        {
            throw new JwksFetchException(FetchFailureKind.RedirectLoop, request.Url,
                $"{fetching} failed: the redirects loop back to {to}; fix the endpoint or configure " +
                "the URL the keys are really served from.", (int)response.StatusCode);
        }

        if (followed >= request.MaxRedirects)
        {
            throw new JwksFetchException(FetchFailureKind.RedirectLoop, request.Url,
                $"{fetching} failed: it redirected more than {request.MaxRedirects} times " +
                $"(max-redirects), last to {to}; configure the final URL or raise the limit.",
                (int)response.StatusCode);
        }

        return next;
    }
}
