using System.Text;

namespace AkkaJwks.Keys;

/// <summary>
/// How a kid or an alg is written into a message, a log or a reason. Both come from outside (a JWT header, a
/// document), so a caller may pass a whole token as the kid, or a value meant to forge log lines: a value shaped
/// like a compact JWT is never shown, a very long one is cut, and control characters are escaped.
/// </summary>
internal static class JwkDisplay
{
    // Real kids are short (a GUID, a thumbprint, 64 hex digits of an x5t#S256); anything far longer is not a kid.
    private const int MaxShown = 128;
    private const int PrefixShown = 24;

    // Registered alg, kty and crv names are short (ECDH-ES+A256KW has 14 characters).
    private const int MaxNameShown = 32;

    /// <summary>The value as it may appear in text.</summary>
    public static string Safe(string value)
    {
        if (LooksLikeCompactJwt(value))
        {
            return $"(a value shaped like a JWT, {value.Length} characters, not shown)";
        }

        return value.Length > MaxShown
            ? $"{Escape(value.AsSpan(0, PrefixShown))}... ({value.Length} characters, cut)"
            : Escape(value);
    }

    /// <summary>
    /// A short name (an alg, a kty, a crv) as it may appear in text: as <see cref="Safe(string)"/>, and never more
    /// than 32 characters.
    /// </summary>
    public static string SafeName(string? value, string absent) => value switch
    {
        null => absent,
        { Length: > MaxNameShown } => $"(a value of {value.Length} characters, not shown)",
        _ => Safe(value),
    };

    /// <summary>As <see cref="Safe(string)"/>, with <paramref name="absent"/> for <see langword="null"/>.</summary>
    public static string Safe(string? value, string absent) => value is null ? absent : Safe(value);

    // A JWS has 3 dot-separated base64url parts and a JWE 5; the first is a JSON object, so its base64url starts "ey".
    private static bool LooksLikeCompactJwt(string value)
    {
        var dots = 0;
        foreach (var c in value)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '=' or '+' or '/'))
            {
                return false;
            }
        }

        return dots is 2 or 4 && value.StartsWith("ey", StringComparison.Ordinal);
    }

    /// <summary>
    /// The value with its control and format characters escaped (<c>\u001b</c>), nothing cut: for text the server
    /// chose that is not a kid (a certificate subject), so it cannot forge a log line or recolour a terminal.
    /// </summary>
    public static string Escape(ReadOnlySpan<char> value)
    {
        var clean = true;
        foreach (var c in value)
        {
            clean &= !Hidden(c);
        }

        if (clean)
        {
            return value.ToString();
        }

        var text = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            text.Append(Hidden(c) ? $"\\u{(int)c:x4}" : c);
        }

        return text.ToString();
    }

    // Control characters forge log lines; format characters (bidi overrides) make text read other than it is.
    private static bool Hidden(char c) =>
        char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
}
