using AkkaJwks.Keys;

namespace AkkaJwks.Actors;

/// <summary>What changed between two key sets, compared by RFC 7638 thumbprint and named by kid.</summary>
internal static class KeySetDiff
{
    /// <summary>
    /// The keys of <paramref name="after"/> not in <paramref name="before"/> and the other way round, each named by
    /// its kid, or by its thumbprint when it has none. Both lists are empty when the sets hold the same keys.
    /// </summary>
    public static (IReadOnlyList<string> Added, IReadOnlyList<string> Removed) Compare(Jwks? before, Jwks after)
    {
        var beforePrints = before is null
            ? new HashSet<string>(StringComparer.Ordinal)
            : before.Keys.Select(key => key.Thumbprint).ToHashSet(StringComparer.Ordinal);
        var afterPrints = after.Keys.Select(key => key.Thumbprint).ToHashSet(StringComparer.Ordinal);

        var added = after.Keys.Where(key => !beforePrints.Contains(key.Thumbprint)).Select(Label).Distinct().ToList();
        var removed = before is null
            ? []
            : before.Keys.Where(key => !afterPrints.Contains(key.Thumbprint)).Select(Label).Distinct().ToList();
        return (added, removed);
    }

    private static string Label(Jwk key) => key.Kid ?? key.Thumbprint;
}
