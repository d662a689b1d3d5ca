namespace AkkaJwks.Keys;

/// <summary>The outcome of <see cref="Jwks.FindSigningKey"/>.</summary>
public enum JwkLookupStatus
{
    /// <summary>Exactly one key fits the kid and the algorithm.</summary>
    Found,

    /// <summary>No key has the kid (or, without a kid, no key fits the algorithm).</summary>
    UnknownKid,

    /// <summary>The kid names only keys that may not verify signatures (<c>use: "enc"</c>, key_ops, X25519).
    /// </summary>
    NotForSignatures,

    /// <summary>The kid names signing keys, but none fits the JWT's algorithm (type, curve or the key's own alg).</summary>
    AlgorithmMismatch,

    /// <summary>Several different keys fit, and nothing tells them apart.</summary>
    Ambiguous,

    /// <summary>The JWT's algorithm is <c>none</c>; no key verifies an unsigned token.</summary>
    AlgorithmNone,
}
