using System.Text;
using System.Text.Json;

namespace AkkaJwks.Keys;

/// <summary>
/// Reads, on demand, the members an accepted key keeps as its published JSON text: <c>x5c</c> and the members this
/// model does not name. Parsing only copies the object's bytes, so a key nobody inspects costs no strings.
/// </summary>
internal static class JwkPublishedMembers
{
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
