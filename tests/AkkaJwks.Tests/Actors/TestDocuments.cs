using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using AkkaJwks.Http;

namespace AkkaJwks.Tests.Actors;

/// <summary>JWKS documents and responses for fetcher tests: one P-256 key per kid, the same key for the same kid.</summary>
internal static class TestDocuments
{
    public static readonly Uri Url = new("https://issuer.test/jwks");

    private static readonly ConcurrentDictionary<string, string> KeyJsonByKid = new(StringComparer.Ordinal);

    public static byte[] Jwks(params string[] kids) =>
        Encoding.UTF8.GetBytes($$"""{"keys":[{{string.Join(",", kids.Select(KeyJson))}}]}""");

    public static byte[] Raw(string json) => Encoding.UTF8.GetBytes(json);

    public static JwksHttpResponse Ok(byte[] body) => new() { StatusCode = 200, Body = body, FinalUrl = Url };

    public static JwksHttpResponse NotModified(string? eTag = null) =>
        new() { StatusCode = 304, FinalUrl = Url, ETag = eTag };

    public static string KeyJson(string kid) => KeyJsonByKid.GetOrAdd(kid, static kid =>
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = key.ExportParameters(false).Q;
        return $$"""
            {"kty":"EC","crv":"P-256","use":"sig","alg":"ES256","kid":"{{kid}}",
            "x":"{{Base64Url(point.X!)}}","y":"{{Base64Url(point.Y!)}}"}
            """;
    });

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
