using System.Buffers;
using System.Formats.Asn1;

namespace AkkaJwks.Keys;

/// <summary>
/// Checks that the first <c>x5c</c> certificate holds the key of the other members. Only the
/// SubjectPublicKeyInfo is read (with <see cref="AsnReader"/>, no <c>X509Certificate2</c>): validity dates, the
/// chain and <c>x5t</c> are not judged, because real providers keep serving expired certificates and Auth0's
/// legacy <c>x5t</c> is not a certificate hash.
/// </summary>
internal static class JwkCertificate
{
    private static readonly byte[] RsaEncryption = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01];
    private static readonly byte[] RsaPss = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0A];
    private static readonly byte[] EcPublicKey = [0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01];
    private static readonly byte[] P256 = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07];
    private static readonly byte[] P384 = [0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x22];
    private static readonly byte[] P521 = [0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x23];
    private static readonly byte[] X25519 = [0x06, 0x03, 0x2B, 0x65, 0x6E];
    private static readonly byte[] X448 = [0x06, 0x03, 0x2B, 0x65, 0x6F];
    private static readonly byte[] Ed25519 = [0x06, 0x03, 0x2B, 0x65, 0x70];
    private static readonly byte[] Ed448 = [0x06, 0x03, 0x2B, 0x65, 0x71];

    /// <summary>
    /// Null when the certificate in <paramref name="base64Der"/> holds the key given by <paramref name="first"/>
    /// and <paramref name="second"/> (RSA: minimal n and e; EC: x and y; OKP: x); otherwise the refusal reason.
    /// </summary>
    public static string? Check(
        ReadOnlySpan<byte> base64Der, JwkKeyKind kind, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var rented = ArrayPool<byte>.Shared.Rent(JwkBase64.MaxDecodedLength(base64Der.Length));
        try
        {
            if (!JwkBase64.TryDecode(base64Der, rented, out var length))
            {
                return "member 'x5c' has a first certificate that is not base64; a DER certificate is expected";
            }

            return Compare(rented.AsSpan(0, length), kind, first, second);
        }
        catch (AsnContentException)
        {
            return "member 'x5c' has a first certificate that is not a DER X.509 certificate";
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static string? Compare(
        ReadOnlySpan<byte> der, JwkKeyKind kind, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        // AsnDecoder reads spans in place, so checking a certificate allocates nothing.
        var tbs = Contents(Contents(der, out _), out _);
        if (Asn1Tag.TryDecode(tbs, out var tag, out _)
            && tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
        {
            tbs = Skip(tbs);
        }

        // serialNumber, signature, issuer, validity, subject: none of them is judged.
        for (var skip = 0; skip < 5; skip++)
        {
            tbs = Skip(tbs);
        }

        var spki = Contents(tbs, out _);
        var algorithm = Contents(spki, out var afterAlgorithm);
        var oid = algorithm[..EncodedLength(algorithm)];
        var parameters = algorithm[oid.Length..];
        parameters = parameters.IsEmpty ? parameters : parameters[..EncodedLength(parameters)];
        var key = AsnDecoder.TryReadPrimitiveBitString(
            afterAlgorithm, AsnEncodingRules.BER, out _, out var primitive, out _)
            ? primitive
            : AsnDecoder.ReadBitString(afterAlgorithm, AsnEncodingRules.BER, out _, out _);
        var matches = kind switch
        {
            JwkKeyKind.Rsa => (oid.SequenceEqual(RsaEncryption) || oid.SequenceEqual(RsaPss))
                && RsaMatches(key, first, second),
            JwkKeyKind.EcP256 => EcMatches(oid, parameters, P256, key, first, second),
            JwkKeyKind.EcP384 => EcMatches(oid, parameters, P384, key, first, second),
            JwkKeyKind.EcP521 => EcMatches(oid, parameters, P521, key, first, second),
            JwkKeyKind.Ed25519 => oid.SequenceEqual(Ed25519) && key.SequenceEqual(first),
            JwkKeyKind.Ed448 => oid.SequenceEqual(Ed448) && key.SequenceEqual(first),
            JwkKeyKind.X25519 => oid.SequenceEqual(X25519) && key.SequenceEqual(first),
            _ => oid.SequenceEqual(X448) && key.SequenceEqual(first),
        };

        return matches
            ? null
            : "member 'x5c' has a first certificate whose public key is not the key in the other members; "
                + "the certificate must certify this very key";
    }

    private static ReadOnlySpan<byte> Contents(ReadOnlySpan<byte> source, out ReadOnlySpan<byte> rest)
    {
        AsnDecoder.ReadSequence(source, AsnEncodingRules.BER, out var offset, out var length, out var consumed);
        rest = source[consumed..];
        return source.Slice(offset, length);
    }

    private static ReadOnlySpan<byte> Skip(ReadOnlySpan<byte> source) => source[EncodedLength(source)..];

    private static int EncodedLength(ReadOnlySpan<byte> source)
    {
        AsnDecoder.ReadEncodedValue(source, AsnEncodingRules.BER, out _, out _, out var consumed);
        return consumed;
    }

    private static bool RsaMatches(ReadOnlySpan<byte> key, ReadOnlySpan<byte> n, ReadOnlySpan<byte> e)
    {
        var rsaPublicKey = Contents(key, out _);
        var modulus = AsnDecoder.ReadIntegerBytes(rsaPublicKey, AsnEncodingRules.BER, out var consumed);
        var exponent = AsnDecoder.ReadIntegerBytes(rsaPublicKey[consumed..], AsnEncodingRules.BER, out _);
        return JwkIntegers.TrimLeadingZeros(modulus).SequenceEqual(n)
            && JwkIntegers.TrimLeadingZeros(exponent).SequenceEqual(e);
    }

    private static bool EcMatches(
        ReadOnlySpan<byte> oid,
        ReadOnlySpan<byte> parameters,
        ReadOnlySpan<byte> curve,
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> x,
        ReadOnlySpan<byte> y) =>
        oid.SequenceEqual(EcPublicKey)
        && parameters.SequenceEqual(curve)
        && key.Length == 1 + x.Length + y.Length
        && key[0] == 0x04
        && key.Slice(1, x.Length).SequenceEqual(x)
        && key[(1 + x.Length)..].SequenceEqual(y);
}
