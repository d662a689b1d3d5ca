using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Unicode;
using static AkkaJwks.Keys.JwkMemberNames;

namespace AkkaJwks.Keys;

/// <summary>
/// Turns a JWKS document (RFC 7517) into an immutable <see cref="Jwks"/>, judging each key on its own.
/// Never throws: a bad key is refused with a reason, and only a document that is not a JWKS is refused whole.
/// One pass of <see cref="Utf8JsonReader"/> over the bytes; no DOM is built.
/// </summary>
public static class JwksParser
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Parses the UTF-8 bytes of a document.</summary>
    /// <param name="utf8Json">The document; a UTF-8 byte-order mark is allowed.</param>
    /// <param name="source">Where the document came from, kept on the result.</param>
    /// <param name="fetchedAt">When the document was fetched or read.</param>
    /// <param name="maxKeys">The most keys a document may hold (<c>max-keys</c> in <c>reference.conf</c>).</param>
    /// <returns>The key set, or the reason the document is not a JWKS.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxKeys"/> is below 1.</exception>
    /// <remarks>
    /// Of keys with the same <c>kid</c> and the same thumbprint only the first is kept; different keys under one
    /// <c>kid</c> are all kept, and <see cref="Jwks.FindSigningKey"/> chooses between them.
    /// </remarks>
    public static JwksParseResult Parse(
        ReadOnlySpan<byte> utf8Json, string source, DateTimeOffset fetchedAt, int maxKeys)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        if (!Utf8.IsValid(utf8Json))
        {
            return JwksParseResult.Failure(
                JwksDocumentErrorKind.NotJson,
                $"the document from {source} is not valid UTF-8, so it is not JSON; a UTF-8 JWKS object is expected");
        }

        if (utf8Json.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            return JwksParseResult.Failure(
                JwksDocumentErrorKind.NotJson, $"the document from {source} is empty; a JWKS object is expected");
        }

        try
        {
            return ParseDocument(utf8Json, source, fetchedAt, maxKeys);
        }
        catch (JsonException ex)
        {
            // Thrown by Utf8JsonReader only: the bytes are not well-formed JSON.
            return JwksParseResult.Failure(
                JwksDocumentErrorKind.NotJson,
                $"the document from {source} is not well-formed JSON ({ex.Message}); a JWKS object is expected");
        }
    }

    private static JwksParseResult ParseDocument(
        ReadOnlySpan<byte> document, string source, DateTimeOffset fetchedAt, int maxKeys)
    {
        var reader = new Utf8JsonReader(document, ReaderOptions);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var type = Describe(reader.TokenType);
            reader.Skip();
            reader.Read();
            return JwksParseResult.Failure(
                JwksDocumentErrorKind.NotAnObject,
                $"the document from {source} is {type}, not an object; a JWKS is an object with a 'keys' array");
        }

        var shape = new DocumentShape();
        var keys = ImmutableArray.CreateBuilder<Jwk>();
        var refused = ImmutableArray.CreateBuilder<RefusedKey>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            shape.Members++;
            if (!JwkReader.IsText(ref reader) || !reader.ValueTextEquals("keys"u8))
            {
                shape.Observe(ref reader);
                continue;
            }

            reader.Read();
            if (shape.SawKeys || reader.TokenType != JsonTokenType.StartArray)
            {
                shape.KeysProblem ??= shape.SawKeys
                    ? "has two 'keys' members; a JWKS has exactly one"
                    : $"has a 'keys' member that is {Describe(reader.TokenType)}; an array of JWKs is "
                        + "expected";
                shape.SawKeys = true;
                reader.Skip();
                continue;
            }

            shape.SawKeys = true;
            if (!ReadKeys(ref reader, document, keys, refused, maxKeys))
            {
                return JwksParseResult.Failure(
                    JwksDocumentErrorKind.TooManyKeys,
                    $"the document from {source} holds more than {maxKeys} keys, the limit set by max-keys; "
                    + "raise max-keys if the provider really publishes that many");
            }
        }

        // Trailing content after the object makes the reader throw, so the document is JSON to its end.
        reader.Read();
        return shape.Error(source) is { } error
            ? error
            : JwksParseResult.Success(new Jwks(keys.DrainToImmutable(), refused.DrainToImmutable(), source, fetchedAt));
    }

    private static bool ReadKeys(
        ref Utf8JsonReader reader,
        ReadOnlySpan<byte> document,
        ImmutableArray<Jwk>.Builder keys,
        ImmutableArray<RefusedKey>.Builder refused,
        int maxKeys)
    {
        var members = new JwkMembers();
        var index = 0;
        for (; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            if (index >= maxKeys)
            {
                return false;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                refused.Add(new RefusedKey(
                    index, null, $"is {Describe(reader.TokenType)}, not an object; a JWK is a JSON object"));
                reader.Skip();
                continue;
            }

            JwkReader.Read(ref reader, document, members);
            var key = JwkFactory.Create(members, document, out var reason);
            if (key is null)
            {
                refused.Add(new RefusedKey(index, members.Kid, reason!));
            }
            else if (!IsCopy(keys, key))
            {
                keys.Add(key);
            }
        }

        return true;
    }

    /// <summary>
    /// Whether an accepted key already has this key's kid and thumbprint (a copy to collapse). A linear scan:
    /// kids nearly always differ in length or last character, which is tested before the strings are compared, so
    /// even a set at a max-keys of a few hundred stays cheap; thumbprints are computed only for keys whose kid repeats.
    /// </summary>
    private static bool IsCopy(ImmutableArray<Jwk>.Builder keys, Jwk key)
    {
        if (key.Kid is not { } kid)
        {
            return false;
        }

        // An index, not foreach: the builder's enumerator is a class, and this runs once per key.
        for (var i = 0; i < keys.Count; i++)
        {
            var earlier = keys[i];
            if (earlier.Kid is { } other && other.Length == kid.Length && (kid.Length == 0 || other[^1] == kid[^1])
                && string.Equals(other, kid, StringComparison.Ordinal) && earlier.Thumbprint == key.Thumbprint)
            {
                return true;
            }
        }

        return false;
    }
}
