using System.Buffers;
using System.Buffers.Text;

namespace AkkaJwks.Keys;

/// <summary>
/// Decodes JWK members leniently: base64url as RFC 7515 asks, and also the standard alphabet and '=' padding,
/// because Battle.net, old Azure AD, Thinktecture and Google's 2014 keys publish them that way.
/// </summary>
internal static class JwkBase64
{
    /// <summary>The most bytes <paramref name="encodedLength"/> characters can decode to.</summary>
    public static int MaxDecodedLength(int encodedLength) => (encodedLength * 3 / 4) + 3;

    /// <summary>
    /// Decodes <paramref name="utf8"/> into <paramref name="destination"/>, which holds at least
    /// <see cref="MaxDecodedLength"/> bytes. False when the text is not base64 in either alphabet.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> utf8, Span<byte> destination, out int written)
    {
        // Nearly every member is base64url, padded or not, as RFC 7518 asks: one pass of that decoder. It refuses
        // '+' and '/', so text in the other alphabet goes on to the lenient path below.
        if (Decode(utf8, destination, out written))
        {
            return true;
        }

        var trimmed = utf8;
        if (trimmed.Length > 0 && trimmed[^1] == (byte)'=')
        {
            trimmed = trimmed[..^1];
            if (trimmed.Length > 0 && trimmed[^1] == (byte)'=')
            {
                trimmed = trimmed[..^1];
            }
        }

        if (trimmed.IndexOfAny((byte)'+', (byte)'/') < 0)
        {
            return Decode(trimmed, destination, out written);
        }

        // Text in the standard alphabet (x5c always is) decodes as it stands, padding and all, without the copy
        // below; what that decoder refuses (a mix of alphabets, padding cut short) still gets the lenient path.
        if (Base64.DecodeFromUtf8(utf8, destination, out var consumed, out written) == OperationStatus.Done
            && consumed == utf8.Length)
        {
            return true;
        }

        byte[]? rented = null;
        var copy = trimmed.Length <= 1024
            ? stackalloc byte[trimmed.Length]
            : (rented = ArrayPool<byte>.Shared.Rent(trimmed.Length)).AsSpan(0, trimmed.Length);
        trimmed.CopyTo(copy);
        copy.Replace((byte)'+', (byte)'-');
        copy.Replace((byte)'/', (byte)'_');
        var ok = Decode(copy, destination, out written);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return ok;
    }

    /// <summary>Decodes into a new array of exactly the decoded length, or <see langword="null"/>.</summary>
    public static byte[]? Decode(ReadOnlySpan<byte> utf8)
    {
        var max = MaxDecodedLength(utf8.Length);
        byte[]? rented = null;
        var buffer = max <= 1024 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max)).AsSpan(0, max);
        var result = TryDecode(utf8, buffer, out var written) ? buffer[..written].ToArray() : null;
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return result;
    }

    private static bool Decode(ReadOnlySpan<byte> base64Url, Span<byte> destination, out int written)
    {
        var status = Base64Url.DecodeFromUtf8(base64Url, destination, out var consumed, out written);
        return status == OperationStatus.Done && consumed == base64Url.Length;
    }
}
