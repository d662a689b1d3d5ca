using System.Text.Json;
using AkkaJwks.Tests.Actors;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Cli;

/// <summary>
/// Kids are written by whoever publishes the document: the program prints them escaped, cut, and never a token,
/// in human output and in --json.
/// </summary>
public class HostileKidTests
{
    // JSON-escaped as they sit in the document: a newline with a forged event line, ESC, a bidi override.
    private const string ForgingKidJson = @"evil\n17:00:00.000 keys forged\u001b[31mred\u202etxt";
    private const string ForgingKidShown = @"evil\u000a17:00:00.000 keys forged\u001b[31mred\u202etxt";
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ2aWN0aW0ifQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
    private const string TokenShown = "(a value shaped like a JWT, 74 characters, not shown)";
    private static readonly string LongKid = new('k', 5000);
    private static readonly string LongKidShown = new string('k', 24) + "... (5000 characters, cut)";

    private static readonly string Document = $$"""
        {"keys":[{{TestDocuments.KeyJson(ForgingKidJson)}},{{TestDocuments.KeyJson(Token)}},
        {{TestDocuments.KeyJson(LongKid)}},{{TestDocuments.KeyJson("normal+kid/with=")}},
        {"kty":"oct","kid":"{{Token}}","k":"c2VjcmV0"}]}
        """;

    [Fact]
    public async Task Fetch_ServedDocumentWithHostileKids_PrintsThemEscapedAndNoToken()
    {
        await using var server = await LoopbackServer.ServingAsync(Document);

        var result = await CliProcess.RunAsync(["fetch", server.Url().ToString()]);

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertNothingHostile(result);
        Assert.Single(result.Lines, line => line.Contains(ForgingKidShown, StringComparison.Ordinal));
        Assert.Single(result.Lines, line => line.Contains(LongKidShown, StringComparison.Ordinal));
        Assert.Equal(2, result.Lines.Count(line => line.Contains(TokenShown, StringComparison.Ordinal)));
        Assert.Single(result.Lines, line => line.Contains("normal+kid/with=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchJson_ServedDocumentWithHostileKids_WritesShownKids()
    {
        await using var server = await LoopbackServer.ServingAsync(Document);

        var result = await CliProcess.RunAsync(["fetch", server.Url().ToString(), "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertNothingHostile(result);
        AssertShownKids(Assert.Single(result.Lines));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Inspect_FileWithHostileKids_PrintsThemEscapedAndNoToken(bool json)
    {
        using var file = TempFile.Write("hostile.json", Document);

        var result = await CliProcess.RunAsync(json ? ["inspect", file.Path, "--json"] : ["inspect", file.Path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertNothingHostile(result);
        if (json)
        {
            AssertShownKids(Assert.Single(result.Lines));
        }
        else
        {
            Assert.Single(result.Lines, line => line.Contains(ForgingKidShown, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Watch_FetcherOfHostileDocument_PrintsAddedKidsEscapedAndNoToken(bool json)
    {
        await using var server = await LoopbackServer.ServingAsync(Document);
        using var config = TempFile.Write("watch.conf", $$"""
            akka.jwks.fetchers.hostile { url = "{{server.Url()}}" }
            """);
        string[] args = ["watch", "--config", config.Path];

        var result = await CliProcess.RunUntilAsync(json ? [.. args, "--json"] : args,
            line => line.Contains(json ? "\"event\":\"keys.changed\"" : " keys ", StringComparison.Ordinal));

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertNothingHostile(result);
        if (json)
        {
            var changed = result.Lines.Select(line => JsonDocument.Parse(line).RootElement)
                .Single(e => e.GetProperty("event").GetString() == "keys.changed");
            Assert.Equal(
                new[] { ForgingKidShown, TokenShown, LongKidShown, "normal+kid/with=" }.Order(StringComparer.Ordinal),
                changed.GetProperty("added").EnumerateArray().Select(kid => kid.GetString()!)
                    .Order(StringComparer.Ordinal));
        }
        else
        {
            var keys = Assert.Single(result.Lines, line => line.Contains(" keys ", StringComparison.Ordinal));
            Assert.Contains(ForgingKidShown, keys, StringComparison.Ordinal);
            Assert.Contains(TokenShown, keys, StringComparison.Ordinal);
        }
    }

    private static void AssertNothingHostile(CliResult result)
    {
        var printed = result.StdOut + result.StdErr;
        Assert.DoesNotContain(Token, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('k', 200), printed, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', printed);
        Assert.DoesNotContain('\u202e', printed);
        Assert.DoesNotContain(result.Lines, line => line.StartsWith("17:00:00.000", StringComparison.Ordinal));
    }

    private static void AssertShownKids(string line)
    {
        using var printed = JsonDocument.Parse(line);
        Assert.Equal(
            [ForgingKidShown, TokenShown, LongKidShown, "normal+kid/with="],
            printed.RootElement.GetProperty("keys").EnumerateArray().Select(key => key.GetProperty("kid").GetString()));
        var rejected = Assert.Single(printed.RootElement.GetProperty("rejected").EnumerateArray());
        Assert.Equal(TokenShown, rejected.GetProperty("kid").GetString());
    }
}
