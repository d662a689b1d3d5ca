using System.Buffers;

namespace AkkaJwks.Keys;

/// <summary>Decodes a key's integer and coordinate members, naming the member in the reason when one fails.</summary>
internal static class JwkDecoding
{
    // A 16384-bit modulus, the largest accepted, is 2048 bytes; larger text is decoded into a rented buffer.
    private const int StackLimit = 2100;

    public static byte[]? DecodeInteger(ReadOnlySpan<byte> text, string name, ref string? reason)
    {
        var max = JwkBase64.MaxDecodedLength(text.Length);
        byte[]? rented = null;
        var buffer = max <= StackLimit
            ? stackalloc byte[max]
            : (rented = ArrayPool<byte>.Shared.Rent(max)).AsSpan(0, max);
        byte[]? result = null;
        if (JwkBase64.TryDecode(text, buffer, out var written))
        {
            result = JwkIntegers.TrimLeadingZeros(buffer[..written]).ToArray();
        }
        else
        {
            reason ??= $"member '{name}' does not decode as base64url; an unsigned big-endian integer is expected";
        }

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

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
