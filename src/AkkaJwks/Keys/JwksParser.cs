namespace AkkaJwks.Keys;

/// <summary>
/// Turns a JWKS document (RFC 7517) into an immutable <see cref="Jwks"/>, judging each key on its own.
/// Never throws: a bad key is refused with a reason, and only a document that is not a JWKS is refused whole.
/// </summary>
public static class JwksParser
{
    /// <summary>Parses the UTF-8 bytes of a document.</summary>
    /// <param name="utf8Json">The document; a UTF-8 byte-order mark is allowed.</param>
    /// <param name="source">Where the document came from, kept on the result.</param>
    /// <param name="fetchedAt">When the document was fetched or read.</param>
    /// <param name="maxKeys">The most keys a document may hold (<c>max-keys</c> in <c>reference.conf</c>).</param>
    public static JwksParseResult Parse(
        ReadOnlySpan<byte> utf8Json, string source, DateTimeOffset fetchedAt, int maxKeys) =>
        throw new NotImplementedException();
}
