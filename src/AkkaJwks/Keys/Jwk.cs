namespace AkkaJwks.Keys;

/// <summary>
/// One accepted public key as its JWKS published it (RFC 7517). Immutable and safe to share across threads.
/// Only the parser creates instances, so every <see cref="Jwk"/> has passed its checks. <see cref="ToString"/>
/// names the key by kid, type, size and thumbprint, never by its material.
/// </summary>
public sealed partial class Jwk
{
    private string? _thumbprint;
    private IReadOnlyList<string>? _x5c;
    private IReadOnlyDictionary<string, string>? _others;
    private string? _x5t;
    private string? _x5tS256;

    internal Jwk()
    {
    }

    /// <summary>The key type: <c>RSA</c>, <c>EC</c> or <c>OKP</c>.</summary>
    public string Kty { get; internal init; } = "";

    /// <summary>The key id, or <see langword="null"/> when the key has none.</summary>
    public string? Kid { get; internal init; }

    /// <summary>The intended use (<c>sig</c>, <c>enc</c>), or <see langword="null"/>.</summary>
    public string? Use { get; internal init; }

    /// <summary>The algorithm the key is for, or <see langword="null"/>.</summary>
    public string? Alg { get; internal init; }

    /// <summary>The permitted operations (<c>key_ops</c>), or <see langword="null"/>.</summary>
    public IReadOnlyList<string>? KeyOps { get; internal init; }

    /// <summary>The curve (<c>crv</c>) of an EC or OKP key; <see langword="null"/> for RSA.</summary>
    public string? Crv { get; internal init; }

    /// <summary>The RSA modulus <c>n</c>, decoded, without leading zero bytes; empty for other key types.</summary>
    public ReadOnlyMemory<byte> N { get; internal init; }

    /// <summary>The RSA exponent <c>e</c>, decoded, without leading zero bytes; empty for other key types.</summary>
    public ReadOnlyMemory<byte> E { get; internal init; }

    /// <summary>The EC x coordinate or the OKP public key (<c>x</c>), decoded; empty for RSA.</summary>
    public ReadOnlyMemory<byte> X { get; internal init; }

    /// <summary>The EC y coordinate (<c>y</c>), decoded; empty for RSA and OKP.</summary>
    public ReadOnlyMemory<byte> Y { get; internal init; }

    /// <summary>The certificate chain (<c>x5c</c>) as published (base64 DER), or <see langword="null"/>.</summary>
    /// <remarks>
    /// The first certificate's public key was checked against the key; dates and chain were not. The strings are
    /// made on first read, and cached: from the published text, or by encoding again the one certificate that was
    /// kept decoded because its text was canonical base64 (which gives the same string).
    /// </remarks>
    public IReadOnlyList<string>? X5c => HasX5c ? _x5c ??= ReadX5c() : null;

    /// <summary>The SHA-1 certificate thumbprint (<c>x5t</c>) as published (unchecked), or <see langword="null"/>.
    /// </summary>
    public string? X5t => HasX5t ? _x5t ??= JwkPublishedMembers.ReadString(Published, "x5t"u8) : null;

    /// <summary>The SHA-256 certificate thumbprint (<c>x5t#S256</c>) as published, or <see langword="null"/>.</summary>
    public string? X5tS256 =>
        HasX5tS256 ? _x5tS256 ??= JwkPublishedMembers.ReadString(Published, "x5t#S256"u8) : null;

    /// <summary>
    /// Members this model does not name (<c>issuer</c>, <c>x5u</c>, <c>status</c>...), each as the raw JSON text of
    /// its value, by member name. Empty when there are none. Read from the published bytes on first use, cached.
    /// </summary>
    public IReadOnlyDictionary<string, string> OtherMembers =>
        HasOtherMembers ? _others ??= JwkPublishedMembers.ReadOthers(Published) : EmptyMembers;

    /// <summary>
    /// The RFC 7638 SHA-256 thumbprint of the key, base64url without padding, computed from the canonical members
    /// (minimal integers, base64url), so differently encoded copies of one key share it. Computed on first read
    /// (parsing does not pay for it) and cached.
    /// </summary>
    public string Thumbprint => _thumbprint ??= Kind == JwkKeyKind.Rsa
        ? JwkThumbprint.Compute(Kind, "", N.Span, E.Span)
        : JwkThumbprint.Compute(Kind, Crv!, X.Span, Y.Span);

    /// <summary>The key size in bits: the RSA modulus length, or the curve size (256, 384, 521, 448).</summary>
    public int KeySize { get; internal init; }

    /// <summary>
    /// Whether the key may verify signatures: <c>use</c> absent or <c>sig</c>, <c>key_ops</c> (when present)
    /// allows <c>verify</c>, <c>alg</c> (when present) is a signature algorithm, and not a key-agreement curve
    /// (X25519, X448).
    /// </summary>
    public bool IsSigningKey { get; internal init; }

    internal JwkKeyKind Kind { get; init; }

    /// <summary>
    /// The members kept as published (UTF-8), as one JSON object: <c>x5c</c> unless
    /// <see cref="X5cCertificate"/> holds it, <c>x5t</c>, <c>x5t#S256</c> and the other members; null when the key has
    /// none of them.
    /// </summary>
    internal byte[]? Published { get; init; }

    /// <summary>The one <c>x5c</c> certificate, decoded, when its published text was canonical base64.</summary>
    internal ReadOnlyMemory<byte> X5cCertificate { get; init; }

    internal bool HasX5c { get; init; }

    internal bool HasX5t { get; init; }

    internal bool HasX5tS256 { get; init; }

    internal bool HasOtherMembers { get; init; }

    internal static IReadOnlyDictionary<string, string> EmptyMembers { get; } = new Dictionary<string, string>();

    /// <summary>
    /// Whether the key may verify a JWS signed with <paramref name="alg"/>: it is a signing key, the algorithm
    /// fits its type and curve, and the key's own <c>alg</c>, when published, is the same. Never for <c>none</c>.
    /// </summary>
    public bool CanVerify(string alg)
    {
        ArgumentNullException.ThrowIfNull(alg);
        if (!IsSigningKey || (Alg is not null && !string.Equals(Alg, alg, StringComparison.Ordinal)))
        {
            return false;
        }

        var algorithm = JwaAlgorithm.Find(alg);
        return algorithm.IsSignature && JwkCurve.Fits(Kind, Crv ?? "", algorithm);
    }

    private string[] ReadX5c() => X5cCertificate.IsEmpty
        ? JwkPublishedMembers.ReadX5c(Published)
        : [Convert.ToBase64String(X5cCertificate.Span)];

    /// <summary>Names the key by kid, type, size and thumbprint; never shows key material.</summary>
    public override string ToString() =>
        $"{Kty} key '{JwkDisplay.Safe(Kid, "(no kid)")}' ({(Crv is null ? "" : Crv + ", ")}{KeySize} bits, " +
        $"thumbprint {Thumbprint})";
}
