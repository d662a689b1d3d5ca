using System.Text;
using System.Text.Json;

namespace AkkaJwks.Keys;

/// <summary>
/// The members an accepted key keeps as its published JSON text: <c>x5c</c>, <c>x5t</c>, <c>x5t#S256</c> and the
/// members this model does not name. Parsing only copies their bytes; they are read on demand, so a key nobody
/// inspects costs no strings.
/// </summary>
internal static class JwkPublishedMembers
{
    /// <summary>
    /// The members the key keeps as published, copied into a JSON object of their own: <c>x5c</c> (unless its one
    /// certificate is kept decoded), <c>x5t</c>, <c>x5t#S256</c> and the members this model does not name. Only
    /// these are copied, not the whole key, because allocating and copying bytes is much of what a parse costs.
    /// </summary>
    public static byte[]? Copy(JwkMembers m, ReadOnlySpan<byte> document, bool withX5c)
    {
        var x5c = withX5c && m.Has(JwkMember.X5c) ? document[m.X5cMember] : default;
        var length = x5c.Length;
        foreach (var member in m.Published)
        {
            length += member.GetOffsetAndLength(document.Length).Length + 1;
        }

        if (length == 0)
        {
            return null;
        }

        // '{', then each member followed by ',', the last ',' turned into '}': one byte per member more, plus one.
        var text = GC.AllocateUninitializedArray<byte>(length + (x5c.IsEmpty ? 1 : 2));
        var at = 1;
        text[0] = (byte)'{';
        foreach (var member in m.Published)
        {
            at = Append(text, at, document[member]);
        }

        at = x5c.IsEmpty ? at : Append(text, at, x5c);
        text[at - 1] = (byte)'}';
        return text;
    }

    private static int Append(byte[] text, int at, ReadOnlySpan<byte> member)
    {
        member.CopyTo(text.AsSpan(at));
        text[at + member.Length] = (byte)',';
        return at + member.Length + 1;
    }

    /// <summary>The <c>x5c</c> strings of an object the parser has already read and checked.</summary>
    public static string[] ReadX5c(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var values = new List<string>();
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isX5c = reader.ValueTextEquals("x5c"u8);
            reader.Read();
            if (!isX5c)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                values.Add(reader.GetString()!);
            }

            break;
        }

        return [.. values];
    }

    /// <summary>The string value of member <paramref name="name"/> of an object the parser has checked.</summary>
    public static string? ReadString(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var found = reader.ValueTextEquals(name);
            reader.Read();
            if (found)
            {
                return reader.GetString();
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>The members <see cref="Jwk"/> does not name, as raw JSON text by name (first of a repeated name).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReadOthers(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var others = new Dictionary<string, string>(StringComparer.Ordinal);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var known = JwkMemberNames.Classify(Encoding.UTF8.GetBytes(name)) != JwkMember.Other;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (!known)
            {
                others.TryAdd(name, Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]));
            }
        }

        return others;
    }
}
