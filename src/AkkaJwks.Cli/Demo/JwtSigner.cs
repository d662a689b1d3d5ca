using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace AkkaJwks.Cli.Demo;

/// <summary>Makes compact JWS tokens (RFC 7515) the way an identity provider does: a header with kid.</summary>
internal static class JwtSigner
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>A token for <paramref name="subject"/> issued by <paramref name="issuer"/>, signed with key.</summary>
    public static string Sign(IssuerKey key, string issuer, string subject, DateTimeOffset now)
    {
        var header = Json(json =>
        {
            json.WriteString("alg", key.Alg);
            json.WriteString("typ", "JWT");
            json.WriteString("kid", key.Kid);
        });
        var payload = Json(json =>
        {
            json.WriteString("iss", issuer);
            json.WriteString("sub", subject);
            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", (now + Lifetime).ToUnixTimeSeconds());
        });

        var signingInput = $"{Base64Url.EncodeToString(header)}.{Base64Url.EncodeToString(payload)}";
        var signature = key.Sign(Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    private static byte[] Json(Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            members(json);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
