using AkkaJwks.Tests.Actors;

namespace AkkaJwks.Tests.Cli;

/// <summary>An option a command does not know is a usage error, never silently ignored.</summary>
public class StrictParsingTests
{
    [Theory]
    [InlineData("bogus", "fetch", "http://127.0.0.1:1/jwks", "--bogus")]
    [InlineData("jsn", "inspect", "FILE", "--jsn")]
    [InlineData("prot", "serve", "FILE", "--prot", "1")]
    [InlineData("nope", "--duration", "1s", "--nope")]
    public async Task Run_UnknownOption_IsUsageErrorNamingIt(string option, params string[] args)
    {
        using var file = TempFile.Write("strict.json", TestDocuments.Jwks("strict-key"));

        var result = await CliProcess.RunAsync(args.Select(arg => arg == "FILE" ? file.Path : arg));

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = Assert.Single(result.ErrorLines);
        Assert.Contains($"Unknown option '{option}'", error);
        Assert.Empty(result.StdOut);
    }

    [Fact]
    public async Task Run_NoCommandWithDemoOption_RunsTheDemo()
    {
        var result = await CliProcess.RunAsync(["--duration", "1s"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("demo: validated ", result.Lines[^1]);
    }
}
