namespace AkkaJwks.Keys;

/// <summary>Why a document as a whole is not a JWKS.</summary>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Message">One sentence a person can act on; never contains key material.</param>
public sealed record JwksDocumentError(JwksDocumentErrorKind Kind, string Message);
