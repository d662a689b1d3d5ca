using System.Text.Json;

namespace AkkaJwks.Keys;

/// <summary>The members of one JWK object as read, before any rule is applied.</summary>
internal enum JwkMember
{
    Other,
    Kty,
    Kid,
    Use,
    Alg,
    KeyOps,
    Crv,
    N,
    E,
    X,
    Y,
    X5c,
    X5t,
    X5tS256,
    Private,
}

/// <summary>
/// A base64 member's text: a slice of the document (start and length) or, when the JSON string held escapes,
/// its unescaped bytes. Decoding waits until the key's type and private members are known.
/// </summary>
internal readonly record struct JwkText(int Start, int Length, byte[]? Unescaped)
{
    public ReadOnlySpan<byte> Resolve(ReadOnlySpan<byte> document) =>
        Unescaped ?? document.Slice(Start, Length);

    public static JwkText From(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            // TokenStartIndex points at the opening quote of a string token.
            return new JwkText((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, null);
        }

        var buffer = new byte[reader.ValueSpan.Length];
        var written = reader.CopyString(buffer);
        return new JwkText(0, written, buffer.AsSpan(0, written).ToArray());
    }
}

/// <summary>
/// What <see cref="JwkReader"/> collected from one JWK object. The parser uses one instance for every key of a
/// document, cleared before each, so reading a key allocates no list of its own.
/// </summary>
internal sealed class JwkMembers
{
    private int _seen;

    public string? Kty { get; set; }

    public string? Kid { get; set; }

    public string? Use { get; set; }

    public string? Alg { get; set; }

    public string? Crv { get; set; }

    public List<string>? KeyOps { get; set; }

    public JwkText N { get; set; }

    public JwkText E { get; set; }

    public JwkText X { get; set; }

    public JwkText Y { get; set; }

    public int X5cCount { get; set; }

    public JwkText X5cFirst { get; set; }

    /// <summary>Whether the object has members this model does not name.</summary>
    public bool HasOther { get; set; }

    /// <summary>Where the <c>x5c</c> member (name and value) is in the document.</summary>
    public Range X5cMember { get; set; }

    /// <summary>
    /// Where the other members an accepted key keeps as published text are in the document (name and value):
    /// <c>x5t</c>, <c>x5t#S256</c> and the members this model does not name, in document order.
    /// </summary>
    public List<Range> Published { get; } = [];

    /// <summary>The first private member's name (<c>d</c>, <c>p</c>, <c>k</c>...), when there is one.</summary>
    public string? PrivateMember { get; set; }

    /// <summary>The first problem with a member's JSON type or repetition, as a refusal reason.</summary>
    public string? Problem { get; set; }

    /// <summary>Forgets the previous key's members.</summary>
    public void Clear()
    {
        _seen = 0;
        (Kty, Kid, Use, Alg, Crv, KeyOps) = (null, null, null, null, null, null);
        (N, E, X, Y, X5cFirst) = (default, default, default, default, default);
        (X5cCount, HasOther, X5cMember, PrivateMember, Problem) = (0, false, default, null, null);
        Published.Clear();
    }

    /// <summary>Notes where a member an accepted key keeps as published text is, name and value.</summary>
    public void Keep(JwkMember member, Range text)
    {
        if (member == JwkMember.X5c)
        {
            X5cMember = text;
        }
        else if (member is JwkMember.X5t or JwkMember.X5tS256 or JwkMember.Other)
        {
            Published.Add(text);
        }
    }

    public bool Has(JwkMember member) => (_seen & (1 << (int)member)) != 0;

    /// <summary>Marks <paramref name="member"/> seen; false when it was seen already.</summary>
    public bool MarkSeen(JwkMember member)
    {
        var bit = 1 << (int)member;
        var first = (_seen & bit) == 0;
        _seen |= bit;
        return first;
    }
}
