using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace AkkaJwks.Keys;

/// <summary>
/// An immutable JSON Web Key Set: the accepted keys in document order, an index by <c>kid</c> built once,
/// the refused keys with their reasons, and where and when the document came from.
/// Safe to share across threads.
/// </summary>
public sealed class Jwks
{
    internal Jwks()
    {
        throw new NotImplementedException("contract stub: the parser work replaces this");
    }

    /// <summary>The accepted keys, in document order.</summary>
    public ImmutableArray<Jwk> Keys { get; }

    /// <summary>The refused keys, each with its index, kid and reason.</summary>
    public ImmutableArray<RefusedKey> Refused { get; }

    /// <summary>Where the document came from: a URL or a file name.</summary>
    public string Source { get; } = "";

    /// <summary>When the document was fetched or read.</summary>
    public DateTimeOffset FetchedAt { get; }

    /// <summary>The <c>ETag</c> the server sent with the document, or <see langword="null"/>.</summary>
    public string? ETag { get; }

    /// <summary>The <c>Last-Modified</c> the server sent with the document, or <see langword="null"/>.</summary>
    public DateTimeOffset? LastModified { get; }

    /// <summary>Finds a key by <c>kid</c> without locks or allocation.</summary>
    public bool TryGetKey(string kid, [NotNullWhen(true)] out Jwk? key) => throw new NotImplementedException();

    /// <summary>A copy with other HTTP validators and fetch time; the keys and index are shared.</summary>
    public Jwks WithOrigin(string source, DateTimeOffset fetchedAt, string? eTag, DateTimeOffset? lastModified) =>
        throw new NotImplementedException();
}
