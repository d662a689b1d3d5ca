using System.Text;
using System.Text.Json;
using static AkkaJwks.Keys.JwkMemberNames;

namespace AkkaJwks.Keys;

/// <summary>Reads one JWK object's members in one pass; <see cref="JwkFactory"/> makes every judgement.</summary>
internal static class JwkReader
{
    /// <summary>
    /// Reads the object the reader stands on (at its StartObject) up to and including its EndObject into
    /// <paramref name="members"/>, cleared first.
    /// </summary>
    public static void Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> document, JwkMembers members)
    {
        members.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!IsText(ref reader))
            {
                members.Problem ??= NotText("a member name");
                reader.Read();
                reader.Skip();
                continue;
            }

            var start = (int)reader.TokenStartIndex;
            ReadOnlySpan<byte> name = reader.ValueIsEscaped
                ? Encoding.UTF8.GetBytes(reader.GetString()!)
                : reader.ValueSpan;
            var member = Classify(name);
            var otherName = member is JwkMember.Private ? Encoding.UTF8.GetString(name) : null;
            reader.Read();
            if (reader.TokenType == JsonTokenType.String && !IsText(ref reader))
            {
                // Any name reaches here, so it is shown as a kid is: cut and escaped, never forging a log line.
                members.Problem ??= NotText($"member '{JwkDisplay.Safe(Encoding.UTF8.GetString(name))}'");
                reader.Skip();
                continue;
            }

            if (member is not (JwkMember.Other or JwkMember.Private) && !members.MarkSeen(member))
            {
                members.Problem ??= $"member '{Encoding.UTF8.GetString(name)}' appears twice; a JWK names each "
                    + "member once";
                reader.Skip();
                continue;
            }

            ReadValue(ref reader, document, members, member, otherName);
            members.Keep(member, start..(int)reader.BytesConsumed);
        }
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
            case JwkMember.X5t or JwkMember.X5tS256:
                // Only checked here; Jwk.X5t and Jwk.X5tS256 read the kept text when asked.
                members.Problem ??= reader.TokenType == JsonTokenType.String
                    ? null
                    : TypeProblem(member == JwkMember.X5t ? "x5t" : "x5t#S256", ref reader);
                reader.Skip();
                break;
            case JwkMember.N or JwkMember.E or JwkMember.X or JwkMember.Y:
                ReadText(ref reader, members, member);
                break;
            case JwkMember.KeyOps:
                members.KeyOps = ReadStrings(ref reader, members, "key_ops");
                break;
            case JwkMember.X5c:
                ReadCertificates(ref reader, members);
                break;
            case JwkMember.Private:
                members.PrivateMember ??= name;
                reader.Skip();
                break;
            default:
                // Kept as published text; Jwk.OtherMembers reads them from it only when asked.
                members.HasOther = true;
                reader.Skip();
                break;
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, JwkMembers members, string name)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return Known(reader.ValueIsEscaped ? default : reader.ValueSpan) ?? reader.GetString();
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

    /// <summary>
    /// Checks the <c>x5c</c> array and keeps its first certificate's text; the strings are made only when
    /// <see cref="Jwk.X5c"/> is read.
    /// </summary>
    private static void ReadCertificates(ref Utf8JsonReader reader, JwkMembers members)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            members.Problem ??= $"member 'x5c' is {Describe(reader.TokenType)}; an array of strings is expected";
            reader.Skip();
            return;
        }

        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String && !IsText(ref reader))
            {
                members.Problem ??= NotText("member 'x5c'");
                continue;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                members.Problem ??= $"member 'x5c' holds {Describe(reader.TokenType)}; an array of base64 DER "
                    + "certificates (strings) is expected";
                reader.Skip();
                continue;
            }

            if (count++ == 0)
            {
                members.X5cFirst = JwkText.From(ref reader);
            }
        }

        members.X5cCount = count;
    }

    private static List<string>? ReadStrings(ref Utf8JsonReader reader, JwkMembers members, string name)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            members.Problem ??= $"member '{name}' is {Describe(reader.TokenType)}; an array of strings is expected";
            reader.Skip();
            return null;
        }

        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String || !IsText(ref reader))
            {
                members.Problem ??= $"member '{name}' holds {Describe(reader.TokenType)}; an array of strings is "
                    + "expected";
                reader.Skip();
                continue;
            }

            values.Add(reader.GetString()!);
        }

        return values;
    }

    /// <summary>
    /// Whether a string token can become text. The parser checked the document's UTF-8 whole, so only an escape
    /// can fail: a lone surrogate (<c>\ud800</c>), which GetString and CopyString reject with this exception.
    /// </summary>
    public static bool IsText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return true;
        }

        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string NotText(string what) =>
        $"{what} holds an escaped lone surrogate, which is not text; valid Unicode is expected";

    private static string TypeProblem(string name, ref Utf8JsonReader reader) =>
        $"member '{name}' is {Describe(reader.TokenType)}; a string is expected";
}
