using System.Text;
using AkkaJwks.Keys;
using AkkaJwks.Tests.Support;
using static AkkaJwks.Tests.Keys.TestJwks;

namespace AkkaJwks.Tests.Keys;

/// <summary>
/// Seeded mutations (truncation, bit flips, JSON punctuation, deleted and repeated ranges) of corpus and generated
/// documents: Parse must answer every one without an exception, and what it accepts must be usable.
/// </summary>
public class JwksParserFuzzTests
{
    private const int Seed = 20261203;
    private const int MinimumCasesPerDocument = 150;
    private const int MinimumCases = 3000;
    private static readonly byte[] Interesting = [.. "{}[]\",:\\ 0-+/=eE.\0"u8, 0xFF, 0xC3];

    [Fact]
    public void Parse_MutatedDocuments_NeverThrows()
    {
        var random = new Random(Seed);
        var documents = Documents().ToList();
        // Without the corpus only the generated documents are there: each then takes more cases.
        var casesPerDocument = Math.Max(MinimumCasesPerDocument, MinimumCases / documents.Count + 1);
        var cases = 0;

        foreach (var (name, document) in documents)
        {
            for (var i = 0; i < casesPerDocument; i++, cases++)
            {
                var mutated = Mutate(document, random);
                var result = ParseWithoutThrowing(mutated, $"{name} case {i}");
                Exercise(result);
            }
        }

        Assert.True(cases >= MinimumCases, $"only {cases} cases ran");
    }

    [Fact]
    public void Parse_EveryPrefixOfADocument_NeverThrows()
    {
        var document = Encoding.UTF8.GetBytes(Set(
            RsaMembers(Rsa).Having("x5c", new[] { "MIIB" }), EcMembers(P256), Ed25519Members(NewEd25519())));

        for (var length = 0; length <= document.Length; length++)
        {
            var result = ParseWithoutThrowing(document[..length], $"prefix of {length} bytes");

            Assert.Equal(length == document.Length, result.IsJwks);
        }
    }

    private static JwksParseResult ParseWithoutThrowing(byte[] document, string name)
    {
        try
        {
            var result = JwksParser.Parse(document, name, DateTimeOffset.UnixEpoch, 50);
            Assert.True(result.IsJwks ^ (result.Error is not null));
            return result;
        }
        catch (Exception ex)
        {
            Assert.Fail($"Parse threw on {name} ({Convert.ToBase64String(document)}): {ex}");
            throw;
        }
    }

    private static void Exercise(JwksParseResult result)
    {
        if (!result.IsJwks)
        {
            return;
        }

        foreach (var key in result.Jwks.Keys)
        {
            _ = (key.Thumbprint, key.X5c, key.X5t, key.X5tS256, key.OtherMembers.Count, key.ToString());
            Assert.False(key.VerifySignature(key.Alg ?? "RS256", "a.b"u8, new byte[64]));
            _ = result.Jwks.FindSigningKey(key.Kid, key.Alg).Message;
        }

        _ = result.Jwks.HasSameKeysAs(result.Jwks);
    }

    private static byte[] Mutate(byte[] document, Random random)
    {
        var bytes = document.ToList();
        var edits = random.Next(1, 4);
        for (var edit = 0; edit < edits && bytes.Count > 0; edit++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 1:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 4:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at));
                    break;
                case 5:
                    bytes.InsertRange(at, "\\ud800"u8.ToArray());
                    break;
                default:
                    var length = Math.Min(random.Next(1, 200), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }

    private static IEnumerable<(string Name, byte[] Document)> Documents()
    {
        var now = DateTimeOffset.UtcNow;
        var certificate = SelfSignedCertificate(Rsa, now.AddDays(-1), now.AddDays(1));
        yield return ("generated RSA with x5c", Encoding.UTF8.GetBytes(Set(
            RsaMembers(Rsa).Having("x5c", new[] { certificate }).Having("issuer", "https://idp"))));
        yield return ("generated mixed", Encoding.UTF8.GetBytes(Set(
            EcMembers(P256).Having("alg", "ES256"),
            Ed25519Members(NewEd25519()),
            RsaMembers(Rsa2, "enc").Having("use", "enc"))));

        if (Corpus.Directory is null)
        {
            yield break;
        }

        foreach (var file in Corpus.RelativeFiles("real").Concat(Corpus.RelativeFiles("private")))
        {
            if (!file.EndsWith("openid-configuration.json", StringComparison.Ordinal))
            {
                yield return (file, File.ReadAllBytes(Path.Combine(Corpus.Directory, file)));
            }
        }
    }
}
