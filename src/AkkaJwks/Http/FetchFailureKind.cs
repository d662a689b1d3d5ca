namespace AkkaJwks.Http;

/// <summary>How a fetch failed. Telemetry carries it as the reason.</summary>
public enum FetchFailureKind
{
    /// <summary>The server answered with a status that is not a success.</summary>
    HttpStatus,

    /// <summary>The attempt ran past its timeout (connect, headers or body).</summary>
    Timeout,

    /// <summary>The server refused the connection.</summary>
    ConnectionRefused,

    /// <summary>The connection was reset or closed early.</summary>
    ConnectionReset,

    /// <summary>The host name did not resolve.</summary>
    Dns,

    /// <summary>TLS failed: an untrusted certificate, a pin that did not match, a handshake error.</summary>
    Tls,

    /// <summary>The body was larger than the size limit.</summary>
    ResponseTooLarge,

    /// <summary>The body ended before its declared length, or the JSON ended early.</summary>
    Truncated,

    /// <summary>The body is not JSON (an HTML page answered with 200, say).</summary>
    NotJson,

    /// <summary>The body is JSON but not a JWKS.</summary>
    NotJwks,

    /// <summary>The redirects went round in a loop, or past their limit.</summary>
    RedirectLoop,

    /// <summary>A redirect would leave HTTPS, or plain HTTP was not allowed for this host.</summary>
    InsecureTransport,

    /// <summary>The set has no usable key (empty, or every key refused).</summary>
    NoUsableKeys,

    /// <summary>Anything else; the message says what.</summary>
    Other,
}
