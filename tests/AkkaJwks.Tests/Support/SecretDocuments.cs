using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using static System.Buffers.Text.Base64Url;

namespace AkkaJwks.Tests.Support;

/// <summary>
/// Documents full of key material made in the test (private RSA, EC, OKP and oct keys, a weak RSA key, an x5c
/// that does not match), a token, and a check that no text holds any member value of them.
/// </summary>
internal sealed class SecretDocuments
{
    // Members whose values are key material, private or public: none may be printed, only kids and thumbprints.
    private static readonly string[] MaterialMembers = ["d", "p", "q", "dp", "dq", "qi", "k", "n", "e", "x", "y"];

    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);

    public SecretDocuments()
    {
        using var rsa = RSA.Create(2048);
        var r = rsa.ExportParameters(includePrivateParameters: true);
        using var weak = RSA.Create(1024);
        var w = weak.ExportParameters(includePrivateParameters: false);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var c = ec.ExportParameters(includePrivateParameters: true);
        using var good = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var g = good.ExportParameters(includePrivateParameters: false);
        using var other = RSA.Create(2048);
        var certificate = new CertificateRequest("CN=other", other, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        RsaPrivateKey = $$"""
            {"kty":"RSA","kid":"rsa-private","alg":"RS256","n":"{{B(r.Modulus)}}","e":"{{B(r.Exponent)}}",
            "d":"{{B(r.D)}}","p":"{{B(r.P)}}","q":"{{B(r.Q)}}","dp":"{{B(r.DP)}}","dq":"{{B(r.DQ)}}",
            "qi":"{{B(r.InverseQ)}}"}
            """;
        EcPrivateKey = $$"""
            {"kty":"EC","kid":"ec-private","crv":"P-256","x":"{{B(c.Q.X)}}","y":"{{B(c.Q.Y)}}","d":"{{B(c.D)}}"}
            """;
        OkpPrivateKey = $$"""
            {"kty":"OKP","kid":"okp-private","crv":"Ed25519","x":"{{B(Random(32))}}","d":"{{B(Random(32))}}"}
            """;
        var k = B(Random(32));
        OctKey = $$"""{"kty":"oct","kid":"oct-secret","alg":"HS256","k":"{{k}}"}""";
        WeakKey = $$"""{"kty":"RSA","kid":"rsa-weak","n":"{{B(w.Modulus)}}","e":"{{B(w.Exponent)}}"}""";
        X5cMismatch = $$"""
            {"kty":"EC","kid":"x5c-mismatch","crv":"P-256","x":"{{B(g.Q.X)}}","y":"{{B(g.Q.Y)}}",
            "x5c":["{{Convert.ToBase64String(certificate.RawData)}}"]}
            """;
        MaterialInNames = $$"""
            {"kty":"RSA","kid":"alg-material","alg":"{{B(r.Modulus)}}","n":"{{B(r.Modulus)}}","e":"AQAB"},
            {"kty":"{{k}}","kid":"kty-material"},{"kty":"EC","kid":"crv-material","crv":"{{k}}","x":"{{k}}","y":"{{k}}"}
            """;
        using var served = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var s = served.ExportParameters(includePrivateParameters: false);
        GoodKey = $$"""
            {"kty":"EC","kid":"good","use":"sig","alg":"ES256","crv":"P-256","x":"{{B(s.Q.X)}}","y":"{{B(s.Q.Y)}}"}
            """;
        Token = $"{B("""{"alg":"ES256","kid":"good","typ":"JWT"}"""u8.ToArray())}." +
            $"{B("""{"sub":"alice","aud":"orders","exp":4102444800}"""u8.ToArray())}.{B(Random(64))}";
        Everything = Jwks(
            RsaPrivateKey, EcPrivateKey, OkpPrivateKey, OctKey, WeakKey, X5cMismatch, MaterialInNames, GoodKey);
        OnlyPrivate = Jwks(RsaPrivateKey, EcPrivateKey, OkpPrivateKey, OctKey);
        Remember(Everything);
        _secrets.Add(Token);
        _secrets.UnionWith(Token.Split('.').Skip(1));
    }

    public string RsaPrivateKey { get; }

    public string EcPrivateKey { get; }

    public string OkpPrivateKey { get; }

    public string OctKey { get; }

    public string WeakKey { get; }

    public string X5cMismatch { get; }

    /// <summary>Three keys whose alg, kty or crv is key material, as a broken publisher might write them.</summary>
    public string MaterialInNames { get; }

    /// <summary>The one acceptable key (kid <c>good</c>, ES256), so a document with it is served.</summary>
    public string GoodKey { get; }

    /// <summary>Every key above in one JWKS: one accepted, nine refused.</summary>
    public string Everything { get; }

    /// <summary>Private and symmetric keys only: no usable key.</summary>
    public string OnlyPrivate { get; }

    /// <summary>A compact JWS, as a caller might wrongly pass it for a kid or an alg.</summary>
    public string Token { get; }

    /// <summary>The exact strings that must never be printed, with standard-base64 forms too.</summary>
    public IReadOnlyCollection<string> Secrets => _secrets;

    public static string Jwks(params string[] keys) => $$"""{"keys":[{{string.Join(",", keys)}}]}""";

    /// <summary>An HTML page that embeds key material, as a misconfigured endpoint might serve.</summary>
    public string HtmlPage() =>
        $"<html><body><h1>Keys</h1><pre>{RsaPrivateKey}</pre><script>var k = '{OctKey}';</script></body></html>";

    /// <summary>Adds every key member value of <paramref name="json"/> (a JWKS or one JWK) to the secrets.</summary>
    public void Remember(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var keys = root.TryGetProperty("keys", out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().ToList()
            : [root];
        foreach (var key in keys.Where(key => key.ValueKind == JsonValueKind.Object))
        {
            foreach (var member in key.EnumerateObject())
            {
                if (MaterialMembers.Contains(member.Name) && member.Value.ValueKind == JsonValueKind.String)
                {
                    Add(member.Value.GetString()!);
                }
                else if (member.Name == "x5c" && member.Value.ValueKind == JsonValueKind.Array)
                {
                    var items = member.Value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String);
                    foreach (var item in items)
                    {
                        Add(item.GetString()!);
                    }
                }
            }
        }
    }

    /// <summary>Fails naming each secret found in <paramref name="texts"/> and where.</summary>
    public void AssertNoneIn(IEnumerable<string> texts)
    {
        var leaks = (
            from text in texts
            from secret in _secrets
            where Contains(text, secret)
            select $"'{Cut(secret)}' in: {Cut(text, 400)}").Distinct().ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} leak(s) of key material or the token:\n" +
            string.Join("\n", leaks));
    }

    private void Add(string value)
    {
        _secrets.Add(value);
        var standard = value.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        _secrets.Add(standard);
        _secrets.Add(standard.PadRight(standard.Length + (4 - standard.Length % 4) % 4, '='));
    }

    // A short value (the exponent AQAB) could occur by chance inside a thumbprint: it counts only standing alone.
    private static bool Contains(string text, string secret) => secret.Length >= 12
        ? text.Contains(secret, StringComparison.Ordinal)
        : Regex.IsMatch(text, $"(?<![A-Za-z0-9_+/=-]){Regex.Escape(secret)}(?![A-Za-z0-9_+/=-])");

    private static string Cut(string text, int max = 40) => text.Length <= max ? text : text[..max] + "...";

    private static string B(byte[]? bytes) => EncodeToString(bytes);

    private static byte[] Random(int length) => RandomNumberGenerator.GetBytes(length);
}
