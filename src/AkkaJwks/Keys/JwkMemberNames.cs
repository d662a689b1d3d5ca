using System.Text.Json;

namespace AkkaJwks.Keys;

/// <summary>Member names and common values of a JWK, matched on their UTF-8 bytes without allocating.</summary>
internal static class JwkMemberNames
{
    /// <summary>A JSON value's type in words, for refusal reasons (the value itself is never quoted).</summary>
    public static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };

    /// <summary>The common values of kty, use, alg and crv as literals, so most keys allocate none for them.</summary>
    public static string? Known(ReadOnlySpan<byte> value) => value.Length switch
    {
        2 when value.SequenceEqual("EC"u8) => "EC",
        3 when value.SequenceEqual("RSA"u8) => "RSA",
        3 when value.SequenceEqual("sig"u8) => "sig",
        3 when value.SequenceEqual("OKP"u8) => "OKP",
        3 when value.SequenceEqual("enc"u8) => "enc",
        5 when value.SequenceEqual("RS256"u8) => "RS256",
        5 when value.SequenceEqual("ES256"u8) => "ES256",
        5 when value.SequenceEqual("PS256"u8) => "PS256",
        5 when value.SequenceEqual("P-256"u8) => JwkCurve.P256,
        5 when value.SequenceEqual("P-384"u8) => JwkCurve.P384,
        5 when value.SequenceEqual("P-521"u8) => JwkCurve.P521,
        5 when value.SequenceEqual("EdDSA"u8) => "EdDSA",
        7 when value.SequenceEqual("Ed25519"u8) => JwkCurve.Ed25519,
        _ => null,
    };

    public static JwkMember Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        1 => name[0] switch
        {
            (byte)'n' => JwkMember.N,
            (byte)'e' => JwkMember.E,
            (byte)'x' => JwkMember.X,
            (byte)'y' => JwkMember.Y,
            (byte)'d' or (byte)'p' or (byte)'q' or (byte)'k' => JwkMember.Private,
            _ => JwkMember.Other,
        },
        2 when name.SequenceEqual("dp"u8) || name.SequenceEqual("dq"u8) || name.SequenceEqual("qi"u8) =>
            JwkMember.Private,
        3 when name.SequenceEqual("kty"u8) => JwkMember.Kty,
        3 when name.SequenceEqual("kid"u8) => JwkMember.Kid,
        3 when name.SequenceEqual("use"u8) => JwkMember.Use,
        3 when name.SequenceEqual("alg"u8) => JwkMember.Alg,
        3 when name.SequenceEqual("crv"u8) => JwkMember.Crv,
        3 when name.SequenceEqual("x5c"u8) => JwkMember.X5c,
        3 when name.SequenceEqual("x5t"u8) => JwkMember.X5t,
        3 when name.SequenceEqual("oth"u8) => JwkMember.Private,
        7 when name.SequenceEqual("key_ops"u8) => JwkMember.KeyOps,
        8 when name.SequenceEqual("x5t#S256"u8) => JwkMember.X5tS256,
        _ => JwkMember.Other,
    };
}
