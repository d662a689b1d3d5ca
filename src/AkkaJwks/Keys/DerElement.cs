namespace AkkaJwks.Keys;

/// <summary>
/// One element of DER (ITU-T X.690): its tag byte, its contents, and the whole element as encoded. Only the
/// header is read; the contents are a slice of the input, so walking a certificate allocates and copies nothing.
/// </summary>
/// <remarks>
/// <see cref="System.Formats.Asn1.AsnDecoder"/> reads the same headers, but it costs about 10 ns a call in
/// checks this walk does not need, some 130 ns for the dozen elements down to a key, more than decoding the base64
/// certificate. The rules read here are the whole of DER's framing: a one-byte tag (X.509's structure uses no high
/// tag numbers) and a definite length, short or long form. Anything else (indefinite length, a length past the
/// input) is not DER, and the caller reports the certificate as such.
/// </remarks>
internal readonly ref struct DerElement
{
    public const byte Integer = 0x02;
    public const byte BitString = 0x03;
    public const byte ObjectIdentifier = 0x06;
    public const byte Sequence = 0x30;
    public const byte ContextZero = 0xA0;

    private DerElement(byte tag, ReadOnlySpan<byte> contents, ReadOnlySpan<byte> encoded)
    {
        Tag = tag;
        Contents = contents;
        Encoded = encoded;
    }

    public byte Tag { get; }

    public ReadOnlySpan<byte> Contents { get; }

    /// <summary>The element as encoded: header and contents.</summary>
    public ReadOnlySpan<byte> Encoded { get; }

    /// <summary>
    /// Reads the element at the start of <paramref name="source"/> and moves <paramref name="source"/> past it.
    /// False when the bytes there are not a DER element (then <paramref name="source"/> is left as it was).
    /// </summary>
    public static bool TryRead(scoped ref ReadOnlySpan<byte> source, out DerElement element)
    {
        element = default;
        if (source.Length < 2 || (source[0] & 0x1F) == 0x1F)
        {
            return false;
        }

        var header = 2;
        var length = (int)source[1];
        if (length >= 0x80)
        {
            // Long form: the low bits count the length bytes that follow; 0 is BER's indefinite length, and more
            // than 3 bytes (16 MB) is no certificate a JWKS carries.
            var count = length & 0x7F;
            if (count is 0 or > 3 || source.Length < 2 + count)
            {
                return false;
            }

            length = 0;
            for (var i = 0; i < count; i++)
            {
                length = (length << 8) | source[2 + i];
            }

            header += count;
        }

        if (length > source.Length - header)
        {
            return false;
        }

        element = new DerElement(source[0], source.Slice(header, length), source[..(header + length)]);
        source = source[(header + length)..];
        return true;
    }

    /// <summary>Reads the element as the other overload does; false also when its tag is not <paramref name="tag"/>.
    /// </summary>
    public static bool TryRead(scoped ref ReadOnlySpan<byte> source, byte tag, out DerElement element)
    {
        var rest = source;
        if (!TryRead(ref rest, out element) || element.Tag != tag)
        {
            return false;
        }

        source = rest;
        return true;
    }
}
