namespace AkkaJwks.Keys;

/// <summary>
/// The keys published under one kid, in document order, each with the <see cref="JwaAlgorithm.SignatureBits"/>
/// it may verify. Nearly every kid names one key, so that key and its bits are also kept in fields of their own:
/// the common look-up reads them without touching the arrays.
/// </summary>
internal sealed class JwksKidEntry
{
    public JwksKidEntry(Jwk[] keys, int[] bits)
    {
        Keys = keys;
        Bits = bits;
        First = keys[0];
        FirstBits = bits[0];
    }

    /// <summary>The first key under the kid, whatever it is for.</summary>
    public Jwk First { get; }

    /// <summary>The signature algorithms <see cref="First"/> may verify.</summary>
    public int FirstBits { get; }

    /// <summary>Every different key under the kid (usually one).</summary>
    public Jwk[] Keys { get; }

    /// <summary>The signature algorithms each of <see cref="Keys"/> may verify.</summary>
    public int[] Bits { get; }

    /// <summary>Whether the kid names a single key.</summary>
    public bool IsSingle => Keys.Length == 1;
}
