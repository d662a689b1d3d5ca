using System.Buffers;
using System.Buffers.Text;
using System.Formats.Asn1;

namespace AkkaJwks.Keys;

/// <summary>
/// Checks that the first <c>x5c</c> certificate holds the key of the other members. Only the DER framing down to
/// the SubjectPublicKeyInfo is read (<see cref="AsnDecoder"/>, no <c>X509Certificate2</c>): validity dates, the
/// chain and <c>x5t</c> are not judged, because real providers keep serving expired certificates and Auth0's
/// legacy <c>x5t</c> is not a certificate hash.
/// </summary>
internal static class JwkCertificate
{
    private const string NotDer = "member 'x5c' has a first certificate that is not a DER X.509 certificate";

    // Certificates a JWKS carries are one or two KB of DER; a larger one is decoded into a rented buffer instead.
    private const int StackLimit = 2048;

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
    private static readonly Asn1Tag VersionTag = new(TagClass.ContextSpecific, 0, isConstructed: true);

    /// <summary>
    /// Null when the certificate in <paramref name="base64Der"/> holds the key given by <paramref name="first"/>
    /// and <paramref name="second"/> (RSA: minimal n and e; EC: x and y; OKP: x); otherwise the refusal reason.
    /// </summary>
    /// <param name="base64Der">The certificate's text, as the JSON string held it (unescaped).</param>
    /// <param name="kind">The key's type and curve.</param>
    /// <param name="first">The key's n (RSA) or x.</param>
    /// <param name="second">The key's e (RSA) or y (EC); empty for OKP.</param>
    /// <param name="keep">Whether to give the decoded certificate back, to keep instead of its text.</param>
    /// <param name="certificate">
    /// When <paramref name="keep"/> and the certificate matches: its DER bytes, if the text is the canonical
    /// base64 of them (standard alphabet, padded, no whitespace), so that encoding them again gives back exactly
    /// the published text; otherwise null.
    /// </param>
    public static string? Check(
        ReadOnlySpan<byte> base64Der,
        JwkKeyKind kind,
        ReadOnlySpan<byte> first,
        ReadOnlySpan<byte> second,
        bool keep,
        out ReadOnlyMemory<byte> certificate)
    {
        certificate = default;
        var max = JwkBase64.MaxDecodedLength(base64Der.Length);
        byte[]? rented = null;
        var kept = keep ? GC.AllocateUninitializedArray<byte>(max) : null;
        var buffer = kept ?? (max <= StackLimit
            ? stackalloc byte[max]
            : (rented = ArrayPool<byte>.Shared.Rent(max)).AsSpan(0, max));

        // The standard decoder refuses padding cut short, the other alphabet and stray bits in the last character,
        // and skips whitespace; so text it takes whole, no longer than its bytes encode to, is canonical.
        var standard = Base64.DecodeFromUtf8(base64Der, buffer, out var consumed, out var length)
            == OperationStatus.Done && consumed == base64Der.Length;
        var reason = standard || JwkBase64.TryDecode(base64Der, buffer, out length)
            ? Compare(buffer[..length], kind, first, second)
            : "member 'x5c' has a first certificate that is not base64; a DER certificate is expected";
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        if (reason is null && standard && kept is not null
            && Base64.GetMaxEncodedToUtf8Length(length) == base64Der.Length)
        {
            certificate = kept.AsMemory(0, length);
        }

        return reason;
    }

    private static string? Compare(
        ReadOnlySpan<byte> der, JwkKeyKind kind, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        if (!TryReadPublicKey(der, out var oid, out var parameters, out var key))
        {
            return NotDer;
        }

        bool? matches = kind switch
        {
            JwkKeyKind.Rsa => oid.SequenceEqual(RsaEncryption) || oid.SequenceEqual(RsaPss)
                ? RsaMatches(key, first, second)
                : false,
            JwkKeyKind.EcP256 => EcMatches(oid, parameters, P256, key, first, second),
            JwkKeyKind.EcP384 => EcMatches(oid, parameters, P384, key, first, second),
            JwkKeyKind.EcP521 => EcMatches(oid, parameters, P521, key, first, second),
            JwkKeyKind.Ed25519 => oid.SequenceEqual(Ed25519) && key.SequenceEqual(first),
            JwkKeyKind.Ed448 => oid.SequenceEqual(Ed448) && key.SequenceEqual(first),
            JwkKeyKind.X25519 => oid.SequenceEqual(X25519) && key.SequenceEqual(first),
            _ => oid.SequenceEqual(X448) && key.SequenceEqual(first),
        };

        return matches switch
        {
            true => null,
            false => "member 'x5c' has a first certificate whose public key is not the key in the other members; "
                + "the certificate must certify this very key",
            null => NotDer,
        };
    }

    /// <summary>
    /// Walks Certificate → tbsCertificate → subjectPublicKeyInfo (RFC 5280 §4.1) with <see cref="AsnDecoder"/>, which
    /// reads spans in place (nothing allocated), and gives the algorithm's OID and parameters as encoded, and the
    /// public key's bits. False when the framing on the way is not DER.
    /// </summary>
    private static bool TryReadPublicKey(
        ReadOnlySpan<byte> der,
        out ReadOnlySpan<byte> oid,
        out ReadOnlySpan<byte> parameters,
        out ReadOnlySpan<byte> key)
    {
        oid = parameters = key = default;
        try
        {
            var tbs = Contents(Contents(der, out _), out _);

            // The optional version [0], then serialNumber, signature, issuer, validity, subject: none is judged.
            if (Asn1Tag.TryDecode(tbs, out var tag, out _) && tag.HasSameClassAndValue(VersionTag))
            {
                tbs = Skip(tbs);
            }

            for (var skip = 0; skip < 5; skip++)
            {
                tbs = Skip(tbs);
            }

            var algorithm = Contents(Contents(tbs, out _), out var afterAlgorithm);
            oid = algorithm[..EncodedLength(algorithm)];
            parameters = algorithm[oid.Length..];
            parameters = parameters.IsEmpty ? parameters : parameters[..EncodedLength(parameters)];
            if (!AsnDecoder.TryReadPrimitiveBitString(
                    afterAlgorithm, AsnEncodingRules.DER, out var unusedBits, out key, out _) || unusedBits != 0)
            {
                return false;
            }

            return true;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    private static ReadOnlySpan<byte> Contents(ReadOnlySpan<byte> source, out ReadOnlySpan<byte> rest)
    {
        AsnDecoder.ReadSequence(source, AsnEncodingRules.DER, out var offset, out var length, out var consumed);
        rest = source[consumed..];
        return source.Slice(offset, length);
    }

    private static ReadOnlySpan<byte> Skip(ReadOnlySpan<byte> source) => source[EncodedLength(source)..];

    private static int EncodedLength(ReadOnlySpan<byte> source)
    {
        AsnDecoder.ReadEncodedValue(source, AsnEncodingRules.DER, out _, out _, out var consumed);
        return consumed;
    }

    /// <summary>Whether RSAPublicKey { modulus, publicExponent } is n and e; null when it is not DER.</summary>
    private static bool? RsaMatches(ReadOnlySpan<byte> key, ReadOnlySpan<byte> n, ReadOnlySpan<byte> e)
    {
        try
        {
            var rsaPublicKey = Contents(key, out _);
            var modulus = AsnDecoder.ReadIntegerBytes(rsaPublicKey, AsnEncodingRules.DER, out var consumed);
            var exponent = AsnDecoder.ReadIntegerBytes(rsaPublicKey[consumed..], AsnEncodingRules.DER, out _);
            return JwkIntegers.TrimLeadingZeros(modulus).SequenceEqual(n)
                && JwkIntegers.TrimLeadingZeros(exponent).SequenceEqual(e);
        }
        catch (AsnContentException)
        {
            return null;
        }
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
