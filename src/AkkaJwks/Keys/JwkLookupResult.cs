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

    /// <summary>One sentence naming the kid, the algorithms and the outcome; never key material.</summary>
    public string Message => Status switch
    {
        JwkLookupStatus.Found => $"{Key} verifies {Algorithm ?? "its signatures"}",
        JwkLookupStatus.UnknownKid => Kid is null
            ? $"the JWT has no kid and no key of {Source} can verify alg '{Algorithm}'"
            : $"no key with kid '{Kid}' in {Source}",
        JwkLookupStatus.NotForSignatures =>
            $"kid '{Kid}' names {_considered} whose use '{_considered?.Use}', key_ops or curve rule it out for "
            + "verifying signatures",
        JwkLookupStatus.AlgorithmMismatch => _considered?.Alg is { } keyAlg && keyAlg != Algorithm
            ? $"the JWT's alg '{Algorithm}' disagrees with kid '{Kid}', whose key is published for alg '{keyAlg}'"
            : $"the JWT's alg '{Algorithm}' does not fit kid '{Kid}', {_considered}",
        JwkLookupStatus.Ambiguous =>
            $"{_matches} different keys {(Kid is null ? "without a kid" : $"under kid '{Kid}'")} of {Source} fit "
            + $"alg '{Algorithm ?? "(none given)"}'; give the JWT's alg or a distinct kid to choose one",
        JwkLookupStatus.AlgorithmNone =>
            $"the JWT's alg is 'none' (unsigned), so no key of {Source} verifies it and it is refused",
        _ => Status.ToString(),
    };

    private string Source => _set?.Source ?? "the key set";

    /// <inheritdoc/>
    public override string ToString() => Message;
}
