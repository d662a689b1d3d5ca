namespace AkkaJwks.Cli.Commands;

/// <summary>
/// Request headers <c>fetch --header</c> refuses up front: .NET's HTTP client would refuse them at fetch time (the
/// content headers: a GET has no body), they describe the connection rather than the request (hop-by-hop, RFC 9110
/// 7.6.1), they would redirect the request (<c>Host</c>), or the fetcher sets them itself (its conditional GET).
/// </summary>
internal static class ReservedHeaders
{
    private const string Content = "it describes a request body, and the fetch is a GET without one";

    private const string Connection = "it is about the connection, which the HTTP client manages (RFC 9110 7.6.1)";

    private const string Conditional = "the fetcher sends it itself, from the ETag or Last-Modified it was given";

    private static readonly Dictionary<string, string> Reasons = new(StringComparer.OrdinalIgnoreCase)
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
        ["Connection"] = Connection,
        ["Keep-Alive"] = Connection,
        ["Proxy-Connection"] = Connection,
        ["TE"] = Connection,
        ["Trailer"] = Connection,
        ["Transfer-Encoding"] = Connection,
        ["Upgrade"] = Connection,
        ["Host"] = "the host comes from the URL; to fetch from another host, put it in the URL",
        ["If-None-Match"] = Conditional,
        ["If-Modified-Since"] = Conditional,
    };

    /// <summary>Why <paramref name="name"/> cannot be set, or <see langword="null"/> when it can.</summary>
    public static string? Why(string name) => Reasons.GetValueOrDefault(name);
}
