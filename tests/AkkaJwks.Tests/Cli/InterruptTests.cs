using AkkaJwks.Tests.Actors;

namespace AkkaJwks.Tests.Cli;

/// <summary>Ctrl+C (SIGINT) ends each command as the README says, not with the shell's 130.</summary>
public class InterruptTests
{
    [Fact]
    public async Task Inspect_InterruptedWhileWaitingOnStandardInput_SaysStoppedAndExitsOne()
    {
        using var file = TempFile.Write("before-stdin.json", TestDocuments.Jwks("before-stdin"));
        await using var inspect = CliProcess.Start(["inspect", file.Path, "-"], keepInputOpen: true);
        // The first file's table is printed once the program runs its command, so its handler is installed.
        await inspect.WaitForLineAsync(line => line.Contains("1 key(s) accepted", StringComparison.Ordinal));

        var result = await inspect.InterruptAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(["akka-jwks: stopped before the command finished."], result.ErrorLines);
    }

    [Fact]
    public async Task Demo_InterruptedDuringStartUp_PrintsItsSummaryAndExitsZero()
    {
        await using var demo = CliProcess.Start(["demo"]);
        // The issuer's line comes before the fetcher's first keys: the demo is still starting.
        await demo.WaitForLineAsync(line => line.Contains(" publishes ", StringComparison.Ordinal));

        var result = await demo.InterruptAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^demo: validated \d+ tokens, 0 failed, \d+ key rotations$", result.Lines[^1]);
        Assert.Single(result.Lines, line => line.StartsWith("demo:", StringComparison.Ordinal));
        Assert.Empty(result.StdErr);
    }

    [Fact]
    public async Task Serve_InterruptedWhileServing_ExitsZero()
    {
        using var file = TempFile.Write("interrupted.json", TestDocuments.Jwks("interrupted"));
        await using var serve = CliProcess.Start(["serve", file.Path]);
        await serve.WaitForLineAsync(line => line.Contains("http://127.0.0.1:", StringComparison.Ordinal));

        var result = await serve.InterruptAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.StdErr);
    }
}
