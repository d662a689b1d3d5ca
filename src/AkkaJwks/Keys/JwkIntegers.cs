namespace AkkaJwks.Keys;

/// <summary>Big-endian unsigned integers as JWK members carry them (RFC 7518 §2, Base64urlUInt).</summary>
internal static class JwkIntegers
{
    public static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        var start = value.IndexOfAnyExcept((byte)0);
        return start < 0 ? [] : value[start..];
    }

    /// <summary>The number of significant bits of a minimal big-endian integer.</summary>
    public static int BitLength(ReadOnlySpan<byte> minimal) =>
        minimal.IsEmpty ? 0 : ((minimal.Length - 1) * 8) + (32 - int.LeadingZeroCount(minimal[0]));
}
