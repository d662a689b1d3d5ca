namespace AkkaJwks.Configuration;

/// <summary>
/// Which request headers a fetcher's <c>headers</c> (HOCON, code or the CLI's <c>--header</c>) may set. Refused up
/// front, so that a header .NET will not send, or one the HTTP stack must own, fails when the configuration is read
/// instead of on every fetch. Only the name is looked at: a value may be a credential.
/// </summary>
internal static class JwksHeaders
{
    private const string Content =
        "describes a request body, and a JWKS request (a GET) has none; .NET refuses to send it on a request";

    private const string HopByHop =
        "is about the connection (hop-by-hop), which the HTTP client manages itself; it cannot be set here";

    private static readonly Dictionary<string, string> Refused = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Allow"] = Content,
        ["Content-Disposition"] = Content,
        ["Content-Encoding"] = Content,
        ["Content-Language"] = Content,
        ["Content-Length"] = Content,
        ["Content-Location"] = Content,
        ["Content-MD5"] = Content,
        ["Content-Range"] = Content,
        ["Content-Type"] = Content,
        ["Expires"] = Content,
        ["Last-Modified"] = Content,
        ["Host"] = "is taken from the url; another value would name a different site than the one connected to",
        ["Connection"] = HopByHop,
        ["Keep-Alive"] = HopByHop,
        ["Proxy-Connection"] = HopByHop,
        ["TE"] = HopByHop,
        ["Trailer"] = HopByHop,
        ["Transfer-Encoding"] = HopByHop,
        ["Upgrade"] = HopByHop,
        ["Proxy-Authorization"] =
            "is meant for a proxy, but would be sent to the endpoint; give the proxy's credentials to the HttpClient",
        ["Proxy-Authenticate"] = "is a response header, not a request header",
        ["If-None-Match"] = "is set by AkkaJwks itself from the last response's ETag, to revalidate the keys",
        ["If-Modified-Since"] = "is set by AkkaJwks itself from the last response's Last-Modified",
    };

    /// <summary>
    /// Why <paramref name="name"/> cannot be a configured request header, as a phrase that follows the name
    /// (<c>'Host' is taken from the url; ...</c>), or <see langword="null"/> when it can. The answer never quotes a
    /// value, and names the header only when the name is a valid one.
    /// </summary>
    public static string? Refusal(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !name.All(IsTokenChar))
        {
            return "expected a header name made of letters, digits and !#$%&'*+-.^_`|~";
        }

        if (Refused.TryGetValue(name, out var why))
        {
            return $"the header '{name}' {why}; remove it";
        }

        // Whatever else .NET would refuse at the first fetch is refused now.
        using var probe = new HttpRequestMessage();
        return probe.Headers.TryAddWithoutValidation(name, "x")
            ? null
            : $"the header '{name}' cannot be sent on a request (.NET refuses it); remove it";
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);
}
