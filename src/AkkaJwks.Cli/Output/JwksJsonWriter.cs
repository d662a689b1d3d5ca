using System.Text.Encodings.Web;
using System.Text.Json;
using AkkaJwks.Keys;

namespace AkkaJwks.Cli.Output;

/// <summary>
/// Writes the one-line JSON object that <c>inspect --json</c> and <c>fetch --json</c> print per document:
/// <c>{"source","valid","error","keys":[...],"rejected":[...]}</c>. Members that do not apply are null.
/// </summary>
internal static class JwksJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The line for a document that is a JWKS.</summary>
    public static string Valid(string source, Jwks jwks) =>
        Write(source, null, jwks.Keys.Select(KeyRow.From).ToList(), jwks.Refused);

    /// <summary>
    /// The line for a document that is not a JWKS or cannot be read, or a fetch that failed; a fetch that failed
    /// for want of a usable key lists the keys it refused in <paramref name="rejected"/>.
    /// </summary>
    public static string Invalid(string source, string error, IReadOnlyList<RefusedKey>? rejected = null) =>
        Write(source, error, [], rejected ?? []);

    private static string Write(
        string source, string? error, IReadOnlyList<KeyRow> keys, IReadOnlyList<RefusedKey> rejected)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("source", source);
            json.WriteBoolean("valid", error is null);
            WriteNullable(json, "error", error);
            json.WriteStartArray("keys");
            foreach (var key in keys)
            {
                WriteKey(json, key);
            }

            json.WriteEndArray();
            WriteRejected(json, rejected);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteKey(Utf8JsonWriter json, KeyRow key)
    {
        json.WriteStartObject();
        WriteNullable(json, "kid", key.Kid);
        json.WriteString("kty", key.Kty);
        WriteNullable(json, "alg", key.Alg);
        WriteNullable(json, "use", key.Use);
        WriteNullable(json, "crv", key.Crv);
        if (key.Size is { } size)
        {
            json.WriteNumber("size", size);
        }
        else
        {
            json.WriteNull("size");
        }

        json.WriteString("thumbprint", key.Thumbprint);
        json.WriteBoolean("signing", key.Signing);
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes the <c>rejected</c> member: each refused key's index, kid (shown safely, or null) and reason.
    /// </summary>
    internal static void WriteRejected(Utf8JsonWriter json, IReadOnlyList<RefusedKey> rejected)
    {
        json.WriteStartArray("rejected");
        foreach (var refused in rejected)
        {
            json.WriteStartObject();
            json.WriteNumber("index", refused.Index);
            WriteNullable(json, "kid", KeyRow.Shown(refused.Kid));
            json.WriteString("reason", refused.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes a string member, or null when there is no value.</summary>
    internal static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
