namespace AkkaJwks.Keys;

/// <summary>
/// Applies the accept and refuse rules (README, "Keys and the parser") to one key's members. A reason is one
/// sentence naming the member, what is wrong with it and what is expected; it never quotes key material.
/// </summary>
internal static class JwkFactory
{
    private const int MinRsaBits = 2048;
    private const int MaxRsaBits = 16384;

    /// <param name="m">The key's members as read.</param>
    /// <param name="document">The whole document.</param>
    /// <param name="reason">Why the key is refused, when it is.</param>
    public static Jwk? Create(JwkMembers m, ReadOnlySpan<byte> document, out string? reason)
    {
        reason = Judge(m, out var kind, out var alg);
        if (reason is not null)
        {
            return null;
        }

        return kind == JwkKeyKind.Rsa
            ? CreateRsa(m, document, alg, out reason)
            : CreateCurveKey(m, document, kind, alg, out reason);
    }

    private static string? Judge(JwkMembers m, out JwkKeyKind kind, out JwaAlgorithm alg)
    {
        kind = default;
        alg = default;
        if (m.Kty is null)
        {
            return m.Has(JwkMember.Kty)
                ? m.Problem
                : "has no 'kty' member; a key type of RSA, EC or OKP is expected";
        }

        if (m.Kty == "oct")
        {
            return "is a symmetric key (kty 'oct'): a shared secret that is published is compromised, so the key "
                + "is refused";
        }

        if (m.Kty is not ("RSA" or "EC" or "OKP"))
        {
            return $"kty '{JwkDisplay.SafeName(m.Kty, "")}' is not a supported key type; RSA, EC or OKP is expected";
        }

        if (m.PrivateMember is not null)
        {
            return $"carries private member '{m.PrivateMember}': a published private key is compromised, so the "
                + "key is refused";
        }

        if (m.Problem is not null)
        {
            return m.Problem;
        }

        return JudgeTypeAndAlg(m, out kind, out alg);
    }

    private static string? JudgeTypeAndAlg(JwkMembers m, out JwkKeyKind kind, out JwaAlgorithm alg)
    {
        kind = JwkKeyKind.Rsa;
        alg = default;
        if (m.Kty != "RSA")
        {
            var expected = m.Kty == "EC" ? "P-256, P-384 or P-521" : "Ed25519, Ed448, X25519 or X448";
            if (m.Crv is null)
            {
                return $"{m.Kty} key has no 'crv' member; {expected} is expected";
            }

            if (JwkCurve.Find(m.Kty!, m.Crv) is not { } found)
            {
                return $"crv '{JwkDisplay.SafeName(m.Crv, "")}' is not supported for {m.Kty} keys; {expected} is "
                    + "expected";
            }

            kind = found;
        }

        if (m.Alg is not null)
        {
            alg = JwaAlgorithm.Find(m.Alg);
            var problem = alg.Kind switch
            {
                JwaKind.Unregistered =>
                    $"alg '{JwkDisplay.SafeName(m.Alg, "")}' is not a registered JWS or JWE algorithm",
                JwaKind.None => "alg 'none' marks unsigned content; a key published for it is refused",
                _ when !JwkCurve.Fits(kind, m.Crv ?? "", alg) =>
                    $"alg '{m.Alg}' does not fit {JwkReasons.Describe(kind)}; it needs {JwkReasons.Needs(alg)}",
                _ => null,
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        var markedForSignatures = m.Use == "sig" || alg.IsSignature
            || (m.KeyOps is not null && (m.KeyOps.Contains("verify") || m.KeyOps.Contains("sign")));
        if (kind is JwkKeyKind.X25519 or JwkKeyKind.X448 && markedForSignatures)
        {
            return $"crv '{m.Crv}' is a key-agreement curve, but the key is marked for signatures "
                + "(use, alg or key_ops); it cannot verify a signature";
        }

        return null;
    }

    private static Jwk? CreateRsa(JwkMembers m, ReadOnlySpan<byte> document, JwaAlgorithm alg, out string? reason)
    {
        reason = Missing(m, JwkMember.N, "RSA key", "the modulus")
            ?? Missing(m, JwkMember.E, "RSA key", "the exponent");
        if (reason is not null)
        {
            return null;
        }

        var n = JwkDecoding.DecodeInteger(m.N.Resolve(document), "n", ref reason);
        var e = JwkDecoding.DecodeInteger(m.E.Resolve(document), "e", ref reason);
        if (n is null || e is null)
        {
            return null;
        }

        var bits = JwkIntegers.BitLength(n);
        ReadOnlyMemory<byte> certificate = default;
        reason = bits switch
        {
            < MinRsaBits => $"RSA modulus 'n' is {bits} bits; at least {MinRsaBits} are required",
            > MaxRsaBits => $"RSA modulus 'n' is {bits} bits; at most {MaxRsaBits} are supported",
            _ when e.Length == 0 || (e.Length == 1 && e[0] < 3) =>
                "RSA exponent 'e' is below 3; an odd exponent of at least 3 (usually 65537) is expected",
            _ when (e[^1] & 1) == 0 => "RSA exponent 'e' is even; an odd exponent (usually 65537) is expected",
            _ => CheckCertificate(m, document, JwkKeyKind.Rsa, n, e, out certificate),
        };

        return reason is null ? Build(m, document, certificate, JwkKeyKind.Rsa, alg, bits, n, e, [], []) : null;
    }

    private static Jwk? CreateCurveKey(
        JwkMembers m, ReadOnlySpan<byte> document, JwkKeyKind kind, JwaAlgorithm alg, out string? reason)
    {
        var ec = JwkCurve.IsEc(kind);
        reason = Missing(m, JwkMember.X, $"{m.Kty} key", "the public key");
        reason ??= ec ? Missing(m, JwkMember.Y, "EC key", "the y coordinate") : null;
        if (reason is not null)
        {
            return null;
        }

        var x = JwkDecoding.DecodeFixed(m.X.Resolve(document), "x", kind, m.Crv!, ref reason);
        var y = ec ? JwkDecoding.DecodeFixed(m.Y.Resolve(document), "y", kind, m.Crv!, ref reason) : [];
        if (x is null || y is null)
        {
            return null;
        }

        if (ec && !JwkCurve.IsOnCurve(kind, x, y))
        {
            reason = $"EC point ('x', 'y') is not on curve {m.Crv}; a public key must be a point of its curve";
            return null;
        }

        ReadOnlyMemory<byte> certificate = default;
        reason = JwkEdwards.Check(kind, x) ?? CheckCertificate(m, document, kind, x, y, out certificate);
        return reason is null ? Build(m, document, certificate, kind, alg, JwkCurve.Bits(kind), [], [], x, y) : null;
    }

    private static Jwk Build(
        JwkMembers m,
        ReadOnlySpan<byte> document,
        ReadOnlyMemory<byte> certificate,
        JwkKeyKind kind,
        JwaAlgorithm alg,
        int bits,
        byte[] n,
        byte[] e,
        byte[] x,
        byte[] y)
    {
        var rsa = kind == JwkKeyKind.Rsa;
        var signing = m.Use is null or "sig"
            && (m.KeyOps is null || m.KeyOps.Contains("verify"))
            && kind is not (JwkKeyKind.X25519 or JwkKeyKind.X448)
            && (m.Alg is null || alg.IsSignature);
        return new Jwk
        {
            Kind = kind,
            Kty = m.Kty!,
            Kid = m.Kid,
            Use = m.Use,
            Alg = m.Alg,
            KeyOps = m.KeyOps,
            Crv = rsa ? null : m.Crv,
            N = n,
            E = e,
            X = x,
            Y = y,
            Published = JwkPublishedMembers.Copy(m, document, withX5c: certificate.IsEmpty),
            X5cCertificate = certificate,
            HasX5c = m.Has(JwkMember.X5c),
            HasX5t = m.Has(JwkMember.X5t),
            HasX5tS256 = m.Has(JwkMember.X5tS256),
            HasOtherMembers = m.HasOther,
            KeySize = bits,
            IsSigningKey = signing,
        };
    }

    /// <summary>
    /// Checks the first <c>x5c</c> certificate, when there is one; <paramref name="certificate"/> is that
    /// certificate decoded when <c>x5c</c> holds just it in canonical base64 (<see cref="JwkCertificate.Check"/>),
    /// otherwise empty.
    /// </summary>
    private static string? CheckCertificate(
        JwkMembers m,
        ReadOnlySpan<byte> document,
        JwkKeyKind kind,
        ReadOnlySpan<byte> first,
        ReadOnlySpan<byte> second,
        out ReadOnlyMemory<byte> certificate)
    {
        certificate = default;
        if (!m.Has(JwkMember.X5c))
        {
            return null;
        }

        return m.X5cCount == 0
            ? "member 'x5c' is an empty array; at least the certificate of this key is expected"
            : JwkCertificate.Check(
                m.X5cFirst.Resolve(document), kind, first, second, keep: m.X5cCount == 1, out certificate);
    }

    private static string? Missing(JwkMembers m, JwkMember member, string what, string role) =>
        m.Has(member) ? null : $"{what} has no '{Name(member)}' member ({role}), which is required";

    private static string Name(JwkMember member) => member switch
    {
        JwkMember.N => "n",
        JwkMember.E => "e",
        JwkMember.X => "x",
        _ => "y",
    };
}
