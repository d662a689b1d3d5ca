namespace AkkaJwks.Http;

/// <summary>
/// How AkkaJwks writes an endpoint's URL into a message, a log line or a tag: scheme, host, port and path only.
/// A query or user-info often carries a credential (<c>?access_token=...</c>, <c>user:password@</c>), and a message
/// travels to logs and terminals, so each is replaced by an ellipsis: <c>https://…@host/jwks?…</c>.
/// </summary>
internal static class JwksUrl
{
    private const string Hidden = "…";

    /// <summary>The URL without its user-info, query and fragment, each marked where it was.</summary>
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return Cut(url.OriginalString);
        }

        if (url.UserInfo.Length == 0 && url.Query.Length == 0 && url.Fragment.Length == 0)
        {
            return url.ToString();
        }

        var shown = url.GetComponents(UriComponents.Scheme, UriFormat.SafeUnescaped) + Uri.SchemeDelimiter
            + (url.UserInfo.Length > 0 ? Hidden + "@" : "")
            + url.GetComponents(UriComponents.Host | UriComponents.Port | UriComponents.Path, UriFormat.SafeUnescaped);
        if (url.Query.Length > 0)
        {
            shown += "?" + Hidden;
        }

        return url.Fragment.Length > 0 ? shown + "#" + Hidden : shown;
    }

    /// <summary>
    /// <see cref="Redact(Uri)"/> of text as it was written, which may not be a URL at all: text without <c>?</c>,
    /// <c>#</c> or <c>@</c> is shown as it is, other text that is not a URL with a scheme and host (on Unix
    /// <c>/jwks?x</c> would parse as a file URL) is cut at the first of them.
    /// </summary>
    public static string Redact(string url) =>
        url.IndexOfAny(['?', '#', '@']) < 0 ? url
        : url.Contains(Uri.SchemeDelimiter, StringComparison.Ordinal)
            && Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? Redact(parsed) : Cut(url);

    private static string Cut(string text)
    {
        var cut = text.IndexOfAny(['?', '#', '@']);
        return cut < 0 ? text : text[..cut] + Hidden;
    }
}
