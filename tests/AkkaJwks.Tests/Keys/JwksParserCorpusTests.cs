using AkkaJwks.Keys;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Keys;

public class JwksParserCorpusTests
{
    private const string NoCorpus = "(corpus absent)";

    public static TheoryData<string> Files()
    {
        var files = new TheoryData<string>();
        foreach (var file in Corpus.RelativeFiles("real").Concat(Corpus.RelativeFiles("private")))
        {
            files.Add(file);
        }

        if (files.Count == 0)
        {
            files.Add(NoCorpus);
        }

        return files;
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Parse_CorpusFile_GivesTheExpectedKeysAndReasons(string file)
    {
        Corpus.RequireDirectory();
        var path = Corpus.RequireFile(file);
        Assert.True(
            CorpusExpectations.ByFile.TryGetValue(file, out var expected),
            $"corpus file {file} has no expectation: read it, decide what the parser must give, add it to "
            + "CorpusExpectations");

        var result = JwksParser.Parse(File.ReadAllBytes(path), file, DateTimeOffset.UnixEpoch, 500);

        if (expected.Error is { } kind)
        {
            Assert.Equal(kind, result.Error?.Kind);
            Assert.Contains(expected.ErrorText!, result.Error!.Message);
            return;
        }

        Assert.True(result.IsJwks, result.Error?.Message);
        Assert.Equal(expected.AcceptedKids, result.Jwks.Keys.Select(k => k.Kid));
        Assert.Equal(expected.NonSigningKids, result.Jwks.Keys.Where(k => !k.IsSigningKey).Select(k => k.Kid));
        Assert.Equal(expected.RefusedKeys.Count, result.Jwks.Refused.Length);
        foreach (var (wanted, actual) in expected.RefusedKeys.Zip(result.Jwks.Refused))
        {
            Assert.Equal((wanted.Index, wanted.Kid), (actual.Index, actual.Kid));
            Assert.Contains(wanted.Reason, actual.Reason);
        }
    }

    [SkippableFact]
    public void Expectations_NameOnlyFilesOfTheCorpus()
    {
        var directory = Corpus.RequireDirectory();

        var stale = CorpusExpectations.ByFile.Keys.Where(file => !File.Exists(Path.Combine(directory, file)));

        Assert.Empty(stale);
    }

    [SkippableFact]
    public void Parse_KlarnaSameKeyUnderPublicAndPrivateKids_SameThumbprint()
    {
        var path = Corpus.RequireFile("real/klarna-jwks.json");

        var keys = JwksParser.Parse(File.ReadAllBytes(path), "klarna", DateTimeOffset.UnixEpoch, 500).Jwks!.Keys;

        Assert.Equal(keys[0].Thumbprint, keys[1].Thumbprint);
        Assert.NotEqual(keys[0].Thumbprint, keys[2].Thumbprint);
    }

    [SkippableFact]
    public void Parse_PaddedStandardBase64AndCanonicalCopiesOfOneKey_SameThumbprint()
    {
        var old = Corpus.RequireFile("real/azure-ad-v1-common-discovery-keys-2015-01.json");
        var newer = Corpus.RequireFile("real/azure-ad-v1-common-discovery-keys-2016-08.json");

        var before = JwksParser.Parse(File.ReadAllBytes(old), "2015", DateTimeOffset.UnixEpoch, 500).Jwks!;
        var after = JwksParser.Parse(File.ReadAllBytes(newer), "2016", DateTimeOffset.UnixEpoch, 500).Jwks!;

        Assert.True(before.TryGetKey("MnC_VZcATfM5pOYiJHMba9goEKY", out var a));
        Assert.True(after.TryGetKey("MnC_VZcATfM5pOYiJHMba9goEKY", out var b));
        Assert.Equal(a.Thumbprint, b.Thumbprint);
        Assert.Equal(["kriMPdmBvx68skT8-mPAB3BseeA"], before.KeysNotIn(after).Select(k => k.Kid));
    }
}
