using System.Diagnostics.CodeAnalysis;

namespace AkkaJwks.Keys;

/// <summary>What <see cref="JwksParser"/> made of a document: a key set, or why the document is not one.</summary>
public sealed class JwksParseResult
{
    private JwksParseResult(Jwks? jwks, JwksDocumentError? error)
    {
        Jwks = jwks;
        Error = error;
    }

    /// <summary>The key set, when the document is a JWKS (even one whose every key was refused).</summary>
    public Jwks? Jwks { get; }

    /// <summary>Why the document is not a JWKS, when it is not.</summary>
    public JwksDocumentError? Error { get; }

    /// <summary>Whether the document is a JWKS.</summary>
    [MemberNotNullWhen(true, nameof(Jwks))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsJwks => Jwks is not null;

    internal static JwksParseResult Success(Jwks jwks) => new(jwks, null);

    internal static JwksParseResult Failure(JwksDocumentErrorKind kind, string message) =>
        new(null, new JwksDocumentError(kind, message));
}
