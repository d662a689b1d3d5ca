using System.Text.Json;
using AkkaJwks.Tests.Keys;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Cli;

/// <summary>
/// <c>inspect --json</c> over every document of the corpus, real and private, held to the expectations the parser's
/// tests pin per file (<see cref="CorpusExpectations"/>: one table for both). The program runs once for all files
/// (one process start instead of seventy); each file is then its own case.
/// </summary>
public class InspectCorpusTests
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, JsonElement>>> Printed = new(InspectAllAsync);

    public static TheoryData<string> Files()
    {
        // Without the corpus the one case left skips itself, saying why; a theory with no case would fail.
        var files = new TheoryData<string>();
        foreach (var file in Corpus.Directory is null ? ["(corpus missing)"] : RelativePaths())
        {
            files.Add(file);
        }

        return files;
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public async Task InspectJson_CorpusDocument_PrintsTheExpectedKidsAndReasons(string relativePath)
    {
        var path = Corpus.RequireFile(relativePath);
        var expected = CorpusExpectations.ByFile[relativePath];

        var printed = (await Printed.Value)[path];

        Assert.Equal(expected.Error is null, printed.GetProperty("valid").GetBoolean());
        if (expected.Error is not null)
        {
            Assert.Contains(expected.ErrorText!, printed.GetProperty("error").GetString());
            Assert.Empty(printed.GetProperty("keys").EnumerateArray());
            return;
        }

        Assert.Equal(JsonValueKind.Null, printed.GetProperty("error").ValueKind);
        var keys = printed.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(expected.AcceptedKids, keys.Select(key => key.GetProperty("kid").GetString()));
        Assert.Equal(expected.NonSigningKids, keys.Where(key => !key.GetProperty("signing").GetBoolean())
            .Select(key => key.GetProperty("kid").GetString()));
        Assert.All(keys, key => Assert.Equal(43, key.GetProperty("thumbprint").GetString()!.Length));
        var rejected = printed.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(
            expected.RefusedKeys.Select(key => (key.Index, key.Kid)),
            rejected.Select(key => (key.GetProperty("index").GetInt32(), key.GetProperty("kid").GetString())));
        foreach (var (wanted, actual) in expected.RefusedKeys.Zip(rejected))
        {
            Assert.Contains(wanted.Reason, actual.GetProperty("reason").GetString());
        }
    }

    [SkippableFact]
    public async Task InspectJson_WholeCorpus_PrintsNoKeyMaterial()
    {
        Corpus.RequireDirectory();

        var printed = await Printed.Value;

        string[] material = ["\"n\"", "\"e\"", "\"x\"", "\"y\"", "\"d\"", "\"k\"", "\"x5c\"", "BEGIN CERTIFICATE"];
        Assert.All(printed.Values, line =>
            Assert.All(material, member => Assert.DoesNotContain(member, line.GetRawText())));
    }

    private static IEnumerable<string> RelativePaths() =>
        Corpus.RelativeFiles("real").Concat(Corpus.RelativeFiles("private"));

    private static async Task<IReadOnlyDictionary<string, JsonElement>> InspectAllAsync()
    {
        var directory = Corpus.RequireDirectory();
        var paths = RelativePaths().Select(file => Path.Combine(directory, file)).ToList();

        var result = await CliProcess.RunAsync(["inspect", "--json", .. paths]);

        Assert.True(result.ExitCode == 1, $"the corpus holds documents that are not JWKS\n{result}");
        var printed = result.Lines.Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(root => root.GetProperty("source").GetString()!);
        Assert.Equal(paths.Order(), printed.Keys.Order());
        return printed;
    }
}
