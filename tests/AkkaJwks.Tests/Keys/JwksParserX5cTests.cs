using System.Buffers.Text;
using static AkkaJwks.Tests.Keys.TestJwks;

namespace AkkaJwks.Tests.Keys;

/// <summary>
/// The <c>x5c</c> check reads the certificate's DER framing itself, and an accepted key keeps a lone canonical
/// certificate decoded: these hold both to the published text and to the refusals.
/// </summary>
public class JwksParserX5cTests
{
    private static readonly Lazy<byte[]> Der = new(() => Convert.FromBase64String(
        SelfSignedCertificate(Rsa, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1))));

    [Fact]
    public void Parse_X5cWithLineBreaks_AcceptedAndGivenAsPublished()
    {
        var text = Convert.ToBase64String(Der.Value, Base64FormattingOptions.InsertLineBreaks);

        var key = Accept(RsaMembers(Rsa).Having("x5c", new[] { text }));

        Assert.Contains("\r\n", text);
        Assert.Equal(text, Assert.Single(key.X5c!));
    }

    [Fact]
    public void Parse_X5cInUrlAlphabetWithoutPadding_AcceptedAndGivenAsPublished()
    {
        var text = Base64Url.EncodeToString(Der.Value);

        var key = Accept(RsaMembers(Rsa).Having("x5c", new[] { text }));

        Assert.Equal(text, Assert.Single(key.X5c!));
    }

    [Fact]
    public void Parse_X5cChainWithOtherMembers_EveryPublishedMemberGivenBack()
    {
        var chain = new[] { Convert.ToBase64String(Der.Value), "AAECAwQF" };
        var members = RsaMembers(Rsa).Having("x5c", chain).Having("x5t", "dDE").Having("x5t#S256", "dDI")
            .Having("issuer", "https://idp");

        var key = Accept(members);

        Assert.Equal(chain, key.X5c);
        Assert.Equal("dDE", key.X5t);
        Assert.Equal("dDI", key.X5tS256);
        Assert.Equal("\"https://idp\"", Assert.Single(key.OtherMembers).Value);
    }

    [Fact]
    public void Parse_X5cWithIndefiniteLength_RefusedAsNotDer()
    {
        // 0x80 in the length of the outer SEQUENCE is BER's indefinite length, which DER forbids.
        var der = Der.Value.ToArray();
        der[1] = 0x80;

        var reason = Refuse(RsaMembers(Rsa).Having("x5c", new[] { Convert.ToBase64String(der) }));

        Assert.Contains("is not a DER X.509 certificate", reason);
    }

    [Fact]
    public void Parse_X5cCutShortAnywhere_RefusedAsNotDer()
    {
        var der = Der.Value;

        for (var length = 0; length < der.Length; length += 7)
        {
            var reason = Refuse(RsaMembers(Rsa).Having("x5c", new[] { Convert.ToBase64String(der[..length]) }));

            Assert.Contains("is not a DER X.509 certificate", reason);
        }
    }

    [Fact]
    public void Parse_X5cWithAnotherModulusOfTheSameLength_Refused()
    {
        // The key's modulus with its last byte changed: the framing is intact, the key is not the same.
        var der = Der.Value.ToArray();
        var modulus = Rsa.ExportParameters(false).Modulus!;
        var at = der.AsSpan().IndexOf(modulus);
        der[at + modulus.Length - 1] ^= 0x02;

        var reason = Refuse(RsaMembers(Rsa).Having("x5c", new[] { Convert.ToBase64String(der) }));

        Assert.Contains("whose public key is not the key in the other members", reason);
    }
}
