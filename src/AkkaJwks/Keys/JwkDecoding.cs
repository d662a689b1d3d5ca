using System.Buffers;

namespace AkkaJwks.Keys;

/// <summary>Decodes a key's integer and coordinate members, naming the member in the reason when one fails.</summary>
internal static class JwkDecoding
{
    public static byte[]? DecodeInteger(ReadOnlySpan<byte> text, string name, ref string? reason)
    {
        var max = JwkBase64.MaxDecodedLength(text.Length);
        var rented = ArrayPool<byte>.Shared.Rent(max);
        byte[]? result = null;
        if (JwkBase64.TryDecode(text, rented, out var written))
        {
            result = JwkIntegers.TrimLeadingZeros(rented.AsSpan(0, written)).ToArray();
        }
        else
        {
            reason ??= $"member '{name}' does not decode as base64url; an unsigned big-endian integer is expected";
        }

        ArrayPool<byte>.Shared.Return(rented);
        return result;
    }

    public static byte[]? DecodeFixed(
        ReadOnlySpan<byte> text, string name, JwkKeyKind kind, string crv, ref string? reason)
    {
        var bytes = JwkBase64.Decode(text);
        var expected = JwkCurve.KeyLength(kind);
        if (bytes is null)
        {
            reason ??= $"member '{name}' does not decode as base64url; {expected} bytes for {crv} are expected";
            return null;
        }

        if (bytes.Length != expected)
        {
            reason ??= $"member '{name}' is {bytes.Length} bytes; {crv} needs exactly {expected}";
            return null;
        }

        return bytes;
    }
}
