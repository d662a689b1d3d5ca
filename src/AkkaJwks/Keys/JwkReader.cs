using System.Text;
using System.Text.Json;

namespace AkkaJwks.Keys;

/// <summary>Reads one JWK object's members in a single pass, leaving every judgement to <see cref="JwkFactory"/>.</summary>
internal static class JwkReader
{
    /// <summary>Reads the object the reader stands on (at its StartObject) up to and including its EndObject.</summary>
    public static JwkMembers Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> document)
    {
        var members = new JwkMembers();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<byte> name = reader.ValueIsEscaped
                ? Encoding.UTF8.GetBytes(reader.GetString()!)
                : reader.ValueSpan;
            var member = Classify(name);
            var otherName = member is JwkMember.Other or JwkMember.Private ? Encoding.UTF8.GetString(name) : null;
            reader.Read();
            if (member is not (JwkMember.Other or JwkMember.Private) && !members.MarkSeen(member))
            {
                members.Problem ??= $"member '{Encoding.UTF8.GetString(name)}' appears twice; a JWK names each "
                    + "member once";
                reader.Skip();
                continue;
            }

            ReadValue(ref reader, document, members, member, otherName);
        }

        return members;
    }

    private static void ReadValue(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> document, JwkMembers members, JwkMember member, string? name)
    {
        switch (member)
        {
            case JwkMember.Kty:
                members.Kty = ReadString(ref reader, members, "kty");
                break;
            case JwkMember.Kid:
                // A kid of another type is reported by the factory, which names the key without it.
                members.Kid = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                members.Problem ??= reader.TokenType == JsonTokenType.String ? null : TypeProblem("kid", ref reader);
                reader.Skip();
                break;
            case JwkMember.Use:
                members.Use = ReadString(ref reader, members, "use");
                break;
            case JwkMember.Alg:
                members.Alg = ReadString(ref reader, members, "alg");
                break;
            case JwkMember.Crv:
                members.Crv = ReadString(ref reader, members, "crv");
                break;
            case JwkMember.X5t:
                members.X5t = ReadString(ref reader, members, "x5t");
                break;
            case JwkMember.X5tS256:
                members.X5tS256 = ReadString(ref reader, members, "x5t#S256");
                break;
            case JwkMember.N or JwkMember.E or JwkMember.X or JwkMember.Y:
                ReadText(ref reader, members, member);
                break;
            case JwkMember.KeyOps:
                members.KeyOps = ReadStrings(ref reader, document, members, "key_ops", out _);
                break;
            case JwkMember.X5c:
                members.X5c = ReadStrings(ref reader, document, members, "x5c", out var first);
                members.X5cFirst = first;
                break;
            case JwkMember.Private:
                members.PrivateMember ??= name;
                reader.Skip();
                break;
            default:
                ReadOther(ref reader, document, members, name!);
                break;
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, JwkMembers members, string name)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        members.Problem ??= TypeProblem(name, ref reader);
        reader.Skip();
        return null;
    }

    private static void ReadText(ref Utf8JsonReader reader, JwkMembers members, JwkMember member)
    {
        var name = member switch
        {
            JwkMember.N => "n",
            JwkMember.E => "e",
            JwkMember.X => "x",
            _ => "y",
        };
        if (reader.TokenType != JsonTokenType.String)
        {
            members.Problem ??= TypeProblem(name, ref reader);
            reader.Skip();
            return;
        }

        var text = JwkText.From(ref reader);
        switch (member)
        {
            case JwkMember.N:
                members.N = text;
                break;
            case JwkMember.E:
                members.E = text;
                break;
            case JwkMember.X:
                members.X = text;
                break;
            default:
                members.Y = text;
                break;
        }
    }

    private static List<string>? ReadStrings(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> document, JwkMembers members, string name, out JwkText first)
    {
        first = default;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            members.Problem ??= $"member '{name}' is {Describe(reader.TokenType)}; an array of strings is expected";
            reader.Skip();
            return null;
        }

        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                members.Problem ??= $"member '{name}' holds {Describe(reader.TokenType)}; an array of strings is "
                    + "expected";
                reader.Skip();
                continue;
            }

            if (values.Count == 0)
            {
                first = JwkText.From(ref reader);
            }

            values.Add(reader.GetString()!);
        }

        return values;
    }

    private static void ReadOther(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> document, JwkMembers members, string name)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var raw = Encoding.UTF8.GetString(document[start..(int)reader.BytesConsumed]);
        members.Other ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (!members.Other.TryAdd(name, raw))
        {
            members.Problem ??= $"member '{name}' appears twice; a JWK names each member once";
        }
    }

    private static string TypeProblem(string name, ref Utf8JsonReader reader) =>
        $"member '{name}' is {Describe(reader.TokenType)}; a string is expected";

    /// <summary>A JSON value's type in words, for refusal reasons (the value itself is never quoted).</summary>
    public static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };

    private static JwkMember Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        1 => name[0] switch
        {
            (byte)'n' => JwkMember.N,
            (byte)'e' => JwkMember.E,
            (byte)'x' => JwkMember.X,
            (byte)'y' => JwkMember.Y,
            (byte)'d' or (byte)'p' or (byte)'q' or (byte)'k' => JwkMember.Private,
            _ => JwkMember.Other,
        },
        2 when name.SequenceEqual("dp"u8) || name.SequenceEqual("dq"u8) || name.SequenceEqual("qi"u8) =>
            JwkMember.Private,
        3 when name.SequenceEqual("kty"u8) => JwkMember.Kty,
        3 when name.SequenceEqual("kid"u8) => JwkMember.Kid,
        3 when name.SequenceEqual("use"u8) => JwkMember.Use,
        3 when name.SequenceEqual("alg"u8) => JwkMember.Alg,
        3 when name.SequenceEqual("crv"u8) => JwkMember.Crv,
        3 when name.SequenceEqual("x5c"u8) => JwkMember.X5c,
        3 when name.SequenceEqual("x5t"u8) => JwkMember.X5t,
        3 when name.SequenceEqual("oth"u8) => JwkMember.Private,
        7 when name.SequenceEqual("key_ops"u8) => JwkMember.KeyOps,
        8 when name.SequenceEqual("x5t#S256"u8) => JwkMember.X5tS256,
        _ => JwkMember.Other,
    };
}
