using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using AkkaJwks.Keys;

namespace AkkaJwks.Cli.Demo;

/// <summary>
/// Checks the signature of a compact JWS against the key AkkaJwks finds for its header's kid and alg, as a
/// relying party would on every request. It checks the signature only, not the claims: the demo is about keys.
/// </summary>
internal sealed class TokenValidator
{
    private readonly Func<string, string, Task<Jwk>> _findKey;

    /// <summary>Creates a validator that looks keys up with <paramref name="findKey"/> (kid, alg).</summary>
    public TokenValidator(Func<string, string, Task<Jwk>> findKey) => _findKey = findKey;

    /// <summary>Answers <see langword="null"/> when the token is valid, otherwise why it is not.</summary>
    public async Task<string?> ValidateAsync(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return "the token is not a compact JWS (three dot-separated parts)";
        }

        string? kid;
        string? alg;
        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            kid = header.RootElement.TryGetProperty("kid", out var k) ? k.GetString() : null;
            alg = header.RootElement.TryGetProperty("alg", out var a) ? a.GetString() : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return "the token header is not base64url JSON";
        }

        if (kid is null || alg is null)
        {
            return "the token header has no kid or no alg";
        }

        Jwk key;
        try
        {
            key = await _findKey(kid, alg);
        }
        catch (Exception e)
        {
            return $"no key for kid {kid} ({alg}): {e.Message}";
        }

        var signingInput = Encoding.ASCII.GetBytes(token[..(parts[0].Length + 1 + parts[1].Length)]);
        return key.VerifySignature(alg, signingInput, Base64Url.DecodeFromChars(parts[2]))
            ? null
            : $"the signature does not verify with kid {kid} ({alg})";
    }
}
