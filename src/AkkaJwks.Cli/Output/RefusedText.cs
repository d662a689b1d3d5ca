using AkkaJwks.Keys;

namespace AkkaJwks.Cli.Output;

/// <summary>How the program tells one refused key in plain text: its index, its kid (shown safely) and why.</summary>
internal static class RefusedText
{
    /// <summary>
    /// <c>refused key #1 (kid a1): why</c>, or <c>(no kid)</c>; never key material, the kid through
    /// <see cref="JwkDisplay"/>.
    /// </summary>
    public static string Of(RefusedKey key) =>
        $"refused key #{key.Index} ({(key.Kid is null ? "no kid" : $"kid {KeyRow.Shown(key.Kid)}")}): {key.Reason}";
}
