namespace AkkaJwks.Http;

/// <summary>
/// How AkkaJwks writes an endpoint's URL into a message, a log line or a tag: scheme, host, port and path only.
/// A query or user-info often carries a credential (<c>?access_token=...</c>, <c>user:password@</c>), and a message
/// travels to logs and terminals, so each is replaced by an ellipsis: <c>https://…@host/jwks?…</c>. A control or
/// format character left in the path (a redirect's <c>Location</c> is the server's to write) is percent-escaped, so
/// a URL cannot forge a log line or recolour a terminal.
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
            return Printable(Cut(url.OriginalString));
        }

        if (url.UserInfo.Length == 0 && url.Query.Length == 0 && url.Fragment.Length == 0)
        {
            return Printable(url.ToString());
        }

        var shown = url.GetComponents(UriComponents.Scheme, UriFormat.SafeUnescaped) + Uri.SchemeDelimiter
            + (url.UserInfo.Length > 0 ? Hidden + "@" : "")
            + url.GetComponents(UriComponents.Host | UriComponents.Port | UriComponents.Path, UriFormat.SafeUnescaped);
        if (url.Query.Length > 0)
        {
            shown += "?" + Hidden;
        }

        return Printable(url.Fragment.Length > 0 ? shown + "#" + Hidden : shown);
    }

    /// <summary>
    /// <see cref="Redact(Uri)"/> of text as it was written, which may not be a URL at all: text without <c>?</c>,
    /// <c>#</c> or <c>@</c> is shown as it is, other text that is not a URL with a scheme and host (on Unix
    /// <c>/jwks?x</c> would parse as a file URL) is cut at the first of them.
    /// </summary>
    public static string Redact(string url) =>
        url.IndexOfAny(['?', '#', '@']) < 0 ? Printable(url)
        : url.Contains(Uri.SchemeDelimiter, StringComparison.Ordinal)
            && Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? Redact(parsed) : Printable(Cut(url));

    // Uri.ToString() unescapes what it may, and keeps a raw control character as it was written.
    private static string Printable(string shown)
    {
        if (!shown.Any(IsHidden))
        {
            return shown;
        }

        var text = new System.Text.StringBuilder(shown.Length + 16);
        foreach (var c in shown)
        {
            text.Append(IsHidden(c) ? Uri.EscapeDataString(c.ToString()) : c);
        }

        return text.ToString();
    }

    private static bool IsHidden(char c) =>
        char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    private static string Cut(string text)
    {
        var cut = text.IndexOfAny(['?', '#', '@']);
        return cut < 0 ? text : text[..cut] + Hidden;
    }
}
