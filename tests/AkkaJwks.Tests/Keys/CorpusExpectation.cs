using AkkaJwks.Keys;

namespace AkkaJwks.Tests.Keys;

/// <summary>What one corpus file must give: accepted kids in order, refused keys, or a document error.</summary>
internal sealed record CorpusExpectation(
    IReadOnlyList<string?> AcceptedKids,
    IReadOnlyList<string?> NonSigningKids,
    IReadOnlyList<(int Index, string? Kid, string Reason)> RefusedKeys,
    JwksDocumentErrorKind? Error,
    string? ErrorText)
{
    public static CorpusExpectation Accepts(params string?[] kids) => new(kids, [], [], null, null);

    public static CorpusExpectation Document(JwksDocumentErrorKind kind, string text) => new([], [], [], kind, text);

    public CorpusExpectation NotForSignatures(string? kid) => this with { NonSigningKids = [.. NonSigningKids, kid] };

    public CorpusExpectation Refusing(int index, string? kid, string reason) =>
        this with { RefusedKeys = [.. RefusedKeys, (index, kid, reason)] };
}
