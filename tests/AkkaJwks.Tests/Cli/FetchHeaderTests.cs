namespace AkkaJwks.Tests.Cli;

/// <summary>A <c>--header</c> may carry a credential: a bad one is refused without its value being printed.</summary>
public class FetchHeaderTests
{
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ2aWN0aW0ifQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
    private const string Url = "http://127.0.0.1:1/jwks";

    [Theory]
    [InlineData("Authorization Bearer " + Token)]
    [InlineData("Bearer " + Token + ": x")]
    [InlineData(": Bearer " + Token)]
    public async Task Fetch_HeaderWithoutName_IsUsageErrorNamingItsPositionNotItsValue(string header)
    {
        var result = await CliProcess.RunAsync(["fetch", Url, "-H", "X-Ok: 1", "--header", header]);

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = Assert.Single(result.ErrorLines);
        Assert.Contains("--header #2 is not a header: expected \"Name: value\"", error);
        Assert.DoesNotContain(Token, result.StdOut + result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\nX-Forged: 1")]
    [InlineData("\u001b[31m")]
    public async Task Fetch_HeaderValueWithControlCharacter_IsUsageErrorNamingTheHeaderNotItsValue(string control)
    {
        var result = await CliProcess.RunAsync(["fetch", Url, "--header", $"Authorization: Bearer {Token}{control}"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = Assert.Single(result.ErrorLines);
        Assert.Contains("--header #1 (Authorization) holds a control character in its value", error);
        Assert.DoesNotContain(Token, result.StdOut + result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Forged", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-A", "X-A")]
    [InlineData("Authorization", "authorization")]
    [InlineData("x-tenant", "X-TENANT")]
    public async Task Fetch_HeaderNameGivenTwice_IsUsageErrorNamingBothPositionsNotTheValues(
        string first, string second)
    {
        var result = await CliProcess.RunAsync(
            ["fetch", Url, "-H", $"{first}: Bearer {Token}", "-H", "X-Other: 1", "--header", $"{second}: {Token}2"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"akka-jwks: --header #3 ({second}) repeats the header name of --header #1: ", error);
        Assert.DoesNotContain(Token, result.StdOut + result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Content-Length", "describes a request body")]
    [InlineData("content-type", "describes a request body")]
    [InlineData("Content-Encoding", "describes a request body")]
    [InlineData("Transfer-Encoding", "is about the connection")]
    [InlineData("Connection", "is about the connection")]
    [InlineData("Keep-Alive", "is about the connection")]
    [InlineData("TE", "is about the connection")]
    [InlineData("Upgrade", "is about the connection")]
    [InlineData("Host", "is taken from the url")]
    [InlineData("If-None-Match", "is set by AkkaJwks itself")]
    public async Task Fetch_HeaderTheClientSetsItself_IsUsageErrorNamingItNotItsValue(string name, string why)
    {
        var result = await CliProcess.RunAsync(["fetch", Url, "-H", "X-Ok: 1", "--header", $"{name}: {Token}"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"akka-jwks: --header #2 ({name}) cannot be set: the header '{name}' {why}", error);
        Assert.DoesNotContain(Token, result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseHeader_ValueWithTab_IsAccepted()
    {
        var header = AkkaJwks.Cli.Commands.FetchCommand.Settings.ParseHeader("X-Tabbed: a\tb");

        Assert.Equal(new KeyValuePair<string, string>("X-Tabbed", "a\tb"), header);
    }
}
