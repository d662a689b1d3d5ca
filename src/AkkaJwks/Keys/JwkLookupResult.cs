using System.Diagnostics.CodeAnalysis;

namespace AkkaJwks.Keys;

/// <summary>
/// The answer of <see cref="Jwks.FindSigningKey"/>: the key, or why there is none. A struct whose
/// <see cref="Message"/> is composed only when read, so the found path allocates nothing.
/// </summary>
public readonly struct JwkLookupResult
{
    private readonly Jwks? _set;
    private readonly Jwk? _considered;
    private readonly int _matches;

    internal JwkLookupResult(
        JwkLookupStatus status, string? kid, string? alg, Jwk? key, Jwks set, Jwk? considered, int matches)
    {
        Status = status;
        Kid = kid;
        Algorithm = alg;
        Key = key;
        _set = set;
        _considered = considered;
        _matches = matches;
    }

    /// <summary>What the look-up found.</summary>
    public JwkLookupStatus Status { get; }

    /// <summary>The kid looked up, or <see langword="null"/> when the JWT had none.</summary>
    public string? Kid { get; }

    /// <summary>The JWT's <c>alg</c>, or <see langword="null"/> when the caller gave none.</summary>
    public string? Algorithm { get; }

    /// <summary>The key, when <see cref="Status"/> is <see cref="JwkLookupStatus.Found"/>.</summary>
    public Jwk? Key { get; }

    /// <summary>Whether a key was found.</summary>
    [MemberNotNullWhen(true, nameof(Key))]
    public bool IsFound => Status == JwkLookupStatus.Found && Key is not null;

    /// <summary>
    /// One sentence naming the kid, the algorithms and the outcome; never key material. A kid or alg shaped like a
    /// JWT is not shown, a kid over 128 characters is cut, an alg over 32 is not shown, control characters are
    /// escaped.
    /// </summary>
    public string Message => Status switch
    {
        JwkLookupStatus.Found => $"{Key} verifies {(Algorithm is null ? "its signatures" : ShownAlg)}",
        JwkLookupStatus.UnknownKid => Kid is null
            ? $"the JWT has no kid and no key of {Source} can verify alg '{ShownAlg}'"
            : $"no key with kid '{ShownKid}' in {Source}",
        JwkLookupStatus.NotForSignatures =>
            $"kid '{ShownKid}' names no key that may verify signatures: {_considered} is " +
            WhyNotSigning(_considered),
        JwkLookupStatus.AlgorithmMismatch => _considered?.Alg is { } keyAlg && keyAlg != Algorithm
            ? $"the JWT's alg '{ShownAlg}' disagrees with kid '{ShownKid}', whose key is published for alg " +
                $"'{keyAlg}'"
            : $"the JWT's alg '{ShownAlg}' does not fit kid '{ShownKid}', {_considered}",
        JwkLookupStatus.Ambiguous =>
            $"{_matches} different keys {(Kid is null ? "without a kid" : $"under kid '{ShownKid}'")} of {Source} "
            + "fit "
            + $"alg '{ShownAlg}'; give the JWT's alg or a distinct kid to choose one",
        JwkLookupStatus.AlgorithmNone =>
            $"the JWT's alg is 'none' (unsigned), so no key of {Source} verifies it and it is refused",
        _ => Status.ToString(),
    };

    private string ShownKid => JwkDisplay.Safe(Kid, "(none)");

    private string ShownAlg => JwkDisplay.SafeName(Algorithm, "(none given)");

    private string Source => _set?.Source ?? "the key set";

    private static string WhyNotSigning(Jwk? key) => key switch
    {
        null => "absent",
        { Use: "enc" } => "for encryption (use 'enc')",
        { Use: { } use } when use != "sig" => $"for use '{JwkDisplay.Safe(use)}', not 'sig'",
        { KeyOps: { } ops } when !ops.Contains("verify") => "limited by key_ops to operations other than 'verify'",
        { Crv: "X25519" or "X448" } => "a key-agreement key",
        _ => $"published for alg '{JwkDisplay.Safe(key.Alg, "(none)")}', which is not a signature algorithm",
    };

    /// <inheritdoc/>
    public override string ToString() => Message;
}
