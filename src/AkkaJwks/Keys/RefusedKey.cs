using System.Text;
namespace AkkaJwks.Keys;

/// <summary>A key of a JWKS document that the parser refused, with the reason a person can act on.</summary>
/// <param name="Index">The key's zero-based position in the document's <c>keys</c> array.</param>
/// <param name="Kid">The key's <c>kid</c> when it had a string one; otherwise <see langword="null"/>.</param>
/// <param name="Reason">Why the key was refused. Never contains key material.</param>
public sealed record RefusedKey(int Index, string? Kid, string Reason)
{
    /// <summary>The key on one line: <c>#index (kid K): reason</c>, the kid shown safely.</summary>
    public override string ToString() => $"#{Index} (kid {JwkDisplay.Safe(Kid, "absent")}): {Reason}";
}
