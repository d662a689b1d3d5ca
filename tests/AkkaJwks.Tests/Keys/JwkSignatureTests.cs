using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Signers;
using static AkkaJwks.Tests.Keys.TestJwks;

namespace AkkaJwks.Tests.Keys;

public class JwkSignatureTests
{
    private static readonly byte[] Data = Encoding.ASCII.GetBytes("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0");

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    [InlineData("PS256")]
    [InlineData("PS384")]
    [InlineData("PS512")]
    public void VerifySignature_Rsa_RoundTrips(string alg)
    {
        var key = Accept(RsaMembers(Rsa));
        var hash = new HashAlgorithmName("SHA" + alg[2..]);
        var padding = alg[0] == 'P' ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;

        var signature = Rsa.SignData(Data, hash, padding);

        Assert.True(key.VerifySignature(alg, Data, signature));
        Assert.False(key.VerifySignature(alg, Data.Append((byte)'x').ToArray(), signature));
        Assert.Same(key.GetRsa(), key.GetRsa());
    }

    [Fact]
    public void VerifySignature_Es256_RoundTripsWithRawSignature()
    {
        var key = Accept(EcMembers(P256));

        var signature = P256.SignData(
            Data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        Assert.True(key.VerifySignature("ES256", Data, signature));
        Assert.False(key.VerifySignature("ES256", Data, signature[..^1]));
        Assert.Same(key.GetECDsa(), key.GetECDsa());
    }

    [Fact]
    public void VerifySignature_EdDsa_RoundTrips()
    {
        var ed25519 = NewEd25519();
        var key = Accept(Ed25519Members(ed25519));
        var signer = new Ed25519Signer();
        signer.Init(true, ed25519);
        signer.BlockUpdate(Data, 0, Data.Length);

        var signature = signer.GenerateSignature();

        Assert.True(key.VerifySignature("EdDSA", Data, signature));
        Assert.False(key.VerifySignature("EdDSA", Data[1..], signature));
        Assert.NotNull(key.GetEdDsaPublicKey());
    }

    [Fact]
    public void VerifySignature_WrongAlgForKey_FalseWithoutThrowing()
    {
        var key = Accept(RsaMembers(Rsa));
        var signature = Rsa.SignData(Data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        Assert.False(key.VerifySignature("ES256", Data, signature));
        Assert.False(key.VerifySignature("none", Data, []));
        Assert.False(key.VerifySignature("HS256", Data, signature));
        Assert.False(key.VerifySignature("RS256", Data, new byte[3]));
    }

    [Fact]
    public void VerifySignature_KeyPublishedForRs256_RefusesPs256()
    {
        var key = Accept(RsaMembers(Rsa).Having("alg", "RS256"));

        var signature = Rsa.SignData(Data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);

        Assert.False(key.CanVerify("PS256"));
        Assert.False(key.VerifySignature("PS256", Data, signature));
    }

    [Fact]
    public void GetRsa_OnEcKey_Null()
    {
        var key = Accept(EcMembers(P256));

        Assert.Null(key.GetRsa());
        Assert.Null(key.GetEdDsaPublicKey());
        Assert.Null(Accept(RsaMembers(Rsa)).GetECDsa());
    }

    [Fact]
    public async Task GetRsa_ManyThreads_OneSharedInstance()
    {
        var key = Accept(RsaMembers(Rsa2));

        var instances = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(key.GetRsa)));

        Assert.All(instances, rsa => Assert.Same(instances[0], rsa));
    }
}
