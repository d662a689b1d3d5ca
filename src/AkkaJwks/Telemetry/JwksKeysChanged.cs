using System.Text;
namespace AkkaJwks.Telemetry;

/// <summary>Published when a fetch changes the set of keys. Kids only, never key material.</summary>
/// <param name="Name">The fetcher's name.</param>
/// <param name="Url">The endpoint.</param>
/// <param name="Timestamp">When the new set was published.</param>
/// <param name="Added">Thumbprint-distinct keys added, by kid (or thumbprint when a key has no kid).</param>
/// <param name="Removed">Keys removed, by kid (or thumbprint).</param>
/// <param name="KeyCount">How many keys the set now holds.</param>
public sealed record JwksKeysChanged(
    string Name, Uri Url, DateTimeOffset Timestamp, IReadOnlyList<string> Added, IReadOnlyList<string> Removed,
    int KeyCount)
{
    private bool PrintMembers(StringBuilder builder)
    {
        JwksEventText.Head(builder, Name, Url, Timestamp).Kids(nameof(Added), Added).Kids(nameof(Removed), Removed)
            .Append(", KeyCount = ").Append(KeyCount);
        return true;
    }
}
