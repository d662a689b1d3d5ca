using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace AkkaJwks.Keys;

/// <summary>
/// RFC 7638 SHA-256 thumbprints. The required members are written in their canonical form: base64url without
/// padding of the minimal big-endian integers (RFC 7518 §6.3.1 forbids a leading zero in 'n' and 'e'), so the
/// same key has the same thumbprint however its publisher encoded it (padding, standard alphabet, leading zero).
/// For a key published canonically this is exactly RFC 7638's value.
/// </summary>
internal static class JwkThumbprint
{
    public static string Compute(JwkKeyKind kind, string crv, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var capacity = 64 + crv.Length + Base64Url.GetEncodedLength(first.Length)
            + Base64Url.GetEncodedLength(second.Length);
        byte[]? rented = null;
        var buffer = capacity <= 2048
            ? stackalloc byte[capacity]
            : (rented = ArrayPool<byte>.Shared.Rent(capacity)).AsSpan(0, capacity);
        var length = kind switch
        {
            JwkKeyKind.Rsa => WriteRsa(buffer, n: first, e: second),
            _ when JwkCurve.IsEc(kind) => WriteEc(buffer, crv, first, second),
            _ => WriteOkp(buffer, crv, first),
        };

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer[..length], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Base64Url.EncodeToString(hash);
    }

    private static int WriteRsa(Span<byte> buffer, ReadOnlySpan<byte> n, ReadOnlySpan<byte> e)
    {
        var at = Append(buffer, 0, "{\"e\":\""u8);
        at += Base64Url.EncodeToUtf8(e, buffer[at..]);
        at = Append(buffer, at, "\",\"kty\":\"RSA\",\"n\":\""u8);
        at += Base64Url.EncodeToUtf8(n, buffer[at..]);
        return Append(buffer, at, "\"}"u8);
    }

    private static int WriteEc(Span<byte> buffer, string crv, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var at = AppendCrv(buffer, crv);
        at = Append(buffer, at, "\",\"kty\":\"EC\",\"x\":\""u8);
        at += Base64Url.EncodeToUtf8(x, buffer[at..]);
        at = Append(buffer, at, "\",\"y\":\""u8);
        at += Base64Url.EncodeToUtf8(y, buffer[at..]);
        return Append(buffer, at, "\"}"u8);
    }

    private static int WriteOkp(Span<byte> buffer, string crv, ReadOnlySpan<byte> x)
    {
        var at = AppendCrv(buffer, crv);
        at = Append(buffer, at, "\",\"kty\":\"OKP\",\"x\":\""u8);
        at += Base64Url.EncodeToUtf8(x, buffer[at..]);
        return Append(buffer, at, "\"}"u8);
    }

    private static int AppendCrv(Span<byte> buffer, string crv)
    {
        var at = Append(buffer, 0, "{\"crv\":\""u8);

        // Accepted curve names are ASCII, so one char is one byte.
        foreach (var c in crv)
        {
            buffer[at++] = (byte)c;
        }

        return at;
    }

    private static int Append(Span<byte> buffer, int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(buffer[at..]);
        return at + text.Length;
    }
}
