using System.Text.Json;

namespace AkkaJwks.Keys;

/// <summary>What the top level of a document looked like, to say what it is when it is not a JWKS.</summary>
internal sealed class DocumentShape
{
    public int Members { get; set; }

    public bool SawKeys { get; set; }

    public string? KeysProblem { get; set; }

    private int PemCertificates { get; set; }

    private bool HasKty { get; set; }

    private bool HasJwksUri { get; set; }

    /// <summary>Notes a member other than <c>keys</c> (the reader on its name) and skips its value.</summary>
    public void Observe(ref Utf8JsonReader reader)
    {
        var isText = JwkReader.IsText(ref reader);
        HasKty |= isText && reader.ValueTextEquals("kty"u8);
        HasJwksUri |= isText && reader.ValueTextEquals("jwks_uri"u8);
        reader.Read();
        if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.StartsWith("-----BEGIN CERTIFICATE-----"u8))
        {
            PemCertificates++;
        }

        reader.Skip();
    }

    public JwksParseResult? Error(string source)
    {
        if (KeysProblem is not null)
        {
            return JwksParseResult.Failure(
                JwksDocumentErrorKind.NoKeysArray, $"the document from {source} {KeysProblem}");
        }

        if (SawKeys)
        {
            return null;
        }

        if (Members > 0 && PemCertificates == Members)
        {
            return JwksParseResult.Failure(
                JwksDocumentErrorKind.CertificateMap,
                $"the document from {source} is a certificate map (key id to PEM X.509 certificate, the shape of "
                + "Google's oauth2/v1/certs), not a JWKS; use the provider's JWKS endpoint instead");
        }

        var hint = HasKty
            ? "; it looks like a single JWK (it has 'kty'), so wrap it as {\"keys\": [ ... ]} or use the JWKS URL"
            : HasJwksUri
                ? "; it looks like an OpenID Connect discovery document, so use the URL in its 'jwks_uri'"
                : "";
        return JwksParseResult.Failure(
            JwksDocumentErrorKind.NoKeysArray,
            $"the document from {source} has no 'keys' array; a JWKS is an object with a 'keys' array{hint}");
    }
}
