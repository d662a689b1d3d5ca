using AkkaJwks.Keys;
using static AkkaJwks.Tests.Keys.TestJwks;

namespace AkkaJwks.Tests.Keys;

/// <summary>
/// The look-ups answer from algorithms worked out per key when the index is built; these specs hold them to
/// <see cref="Jwk.CanVerify"/>, the rule itself, for every registered name and some that are not.
/// </summary>
public class JwksSigningLookupRulesTests
{
    private static readonly string[] Algorithms =
    [
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "ES256K", "EdDSA",
        "Ed25519", "Ed448", "RSA-OAEP", "RSA1_5", "ECDH-ES", "HS256", "dir", "none", "None", "NONE", "rs256",
        "RS256 ", "", "bogus",
    ];

    private static readonly Lazy<Jwks> Mixed = new(() => ParseSet(
        RsaMembers(Rsa, "rsa"),
        RsaMembers(Rsa2, "rs256").Having("alg", "RS256"),
        RsaMembers(Rsa2, "ps384").Having("alg", "PS384"),
        EcMembers(P256, kid: "ec"),
        EcMembers(P256, kid: "es256").Having("alg", "ES256"),
        Ed25519Members(NewEd25519(), "ed"),
        Ed25519Members(NewEd25519(), "eddsa").Having("alg", "EdDSA"),
        OkpMembers(new byte[32], "X25519", "x25519"),
        RsaMembers(Rsa, "enc").Having("use", "enc"),
        RsaMembers(Rsa, "oaep").Having("alg", "RSA-OAEP"),
        RsaMembers(Rsa, "ops").Having("key_ops", new[] { "encrypt" }),
        RsaMembers(Rsa, "shared"),
        EcMembers(P256, kid: "shared"),
        RsaMembers(Rsa, "twice"),
        RsaMembers(Rsa2, "twice"),
        RsaMembers(Rsa, "enc-then-sig").Having("use", "enc"),
        RsaMembers(Rsa2, "enc-then-sig")));

    public static TheoryData<string> Kids() =>
    [
        "rsa", "rs256", "ps384", "ec", "es256", "ed", "eddsa", "x25519", "enc", "oaep", "ops", "shared", "twice",
        "enc-then-sig", "missing",
    ];

    [Theory]
    [MemberData(nameof(Kids))]
    public void TryGetSigningKey_EveryAlgorithm_AgreesWithCanVerify(string kid)
    {
        var jwks = Mixed.Value;
        var candidates = jwks.Keys.Where(k => k.Kid == kid).ToList();

        foreach (var alg in Algorithms)
        {
            var fitting = candidates.Where(k => k.CanVerify(alg)).ToList();
            var expected = fitting.Count == 1 ? fitting[0] : null;

            var found = jwks.TryGetSigningKey(kid, alg, out var key);

            Assert.True(found == (expected is not null), $"kid '{kid}', alg '{alg}': found {found}");
            Assert.Same(expected, key);
            Assert.Same(expected, jwks.FindSigningKey(kid, alg).Key);
        }
    }

    [Fact]
    public void SignatureBit_EveryRegisteredSignatureName_HasItsOwnBit()
    {
        var bits = JwaAlgorithm.SignatureNames.Select(JwaAlgorithm.SignatureBit).ToList();

        Assert.All(JwaAlgorithm.SignatureNames, name => Assert.True(JwaAlgorithm.Find(name).IsSignature, name));
        Assert.DoesNotContain(0, bits);
        Assert.Equal(bits.Count, bits.Distinct().Count());
        Assert.All(bits, bit => Assert.Equal(0, bit & (bit - 1)));
    }

    [Fact]
    public void SignatureBit_NonSignatureNames_HaveNone()
    {
        var others = Algorithms.Where(a => !JwaAlgorithm.Find(a).IsSignature);

        Assert.All(others, alg => Assert.Equal(0, JwaAlgorithm.SignatureBit(alg)));
    }
}
