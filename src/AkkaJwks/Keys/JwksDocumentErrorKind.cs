namespace AkkaJwks.Keys;

/// <summary>Why a whole document was refused as a JWKS.</summary>
public enum JwksDocumentErrorKind
{
    /// <summary>The bytes are not JSON (for example an HTML error page, or a truncated body).</summary>
    NotJson,

    /// <summary>The JSON value at the top is not an object.</summary>
    NotAnObject,

    /// <summary>The object has no <c>keys</c> array.</summary>
    NoKeysArray,

    /// <summary>The object maps key ids to PEM certificates (Google's <c>oauth2/v1/certs</c> shape), not a JWKS.</summary>
    CertificateMap,

    /// <summary>The <c>keys</c> array holds more keys than the configured limit.</summary>
    TooManyKeys,
}
