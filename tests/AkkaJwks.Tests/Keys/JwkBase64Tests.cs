using System.Text;
using AkkaJwks.Keys;

namespace AkkaJwks.Tests.Keys;

/// <summary>
/// The lenient decoding members get: standard text takes a fast path, so these hold both paths to one answer.
/// </summary>
public class JwkBase64Tests
{
    [Theory]
    [InlineData("QUJD", "ABC")]
    [InlineData("QQ==", "A")]
    [InlineData("QQ", "A")]
    [InlineData("QQ=", "A")]
    [InlineData("QQ===", "A")]
    [InlineData("Pz8/", "???")]
    [InlineData("Pz8_", "???")]
    [InlineData("Pz+_", "??\u00bf")]
    [InlineData("Pz+/Pw==", "??\u00bf?")]
    [InlineData("Pz+/Pw", "??\u00bf?")]
    [InlineData("Pz-_Pw=", "??\u00bf?")]
    public void TryDecode_EitherAlphabetWithOrWithoutPadding_Decodes(string text, string expected)
    {
        var destination = new byte[JwkBase64.MaxDecodedLength(text.Length)];

        var ok = JwkBase64.TryDecode(Encoding.ASCII.GetBytes(text), destination, out var written);

        Assert.True(ok, text);
        Assert.Equal(Encoding.Latin1.GetBytes(expected), destination[..written]);
    }

    [Theory]
    [InlineData("Q")]
    [InlineData("QR==")]
    [InlineData("QQ==QQ==")]
    [InlineData("Q+/=A")]
    [InlineData("QU*D")]
    [InlineData("====")]
    public void TryDecode_NotBase64_Fails(string text)
    {
        var destination = new byte[JwkBase64.MaxDecodedLength(text.Length)];

        Assert.False(JwkBase64.TryDecode(Encoding.ASCII.GetBytes(text), destination, out _), text);
    }

    [Fact]
    public void TryDecode_RandomStandardText_SameBytesAsConvert()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            var text = Encoding.ASCII.GetBytes(Convert.ToBase64String(bytes));
            var destination = new byte[JwkBase64.MaxDecodedLength(text.Length)];

            Assert.True(JwkBase64.TryDecode(text, destination, out var written));

            Assert.Equal(bytes, destination[..written]);
        }
    }
}
