using System.Globalization;
using System.Text.RegularExpressions;

namespace AkkaJwks.Tests.Cli;

public partial class DemoCommandTests
{
    [Fact]
    public async Task Demo_UntilARotationAndElevenTokens_ValidatesEveryTokenAcrossRotationsAndEndsWithSummary()
    {
        var sawKidMiss = false;

        // Stopped once the demo has shown a rotation, the kid-miss refresh it causes and more than ten tokens: a
        // fixed --duration would race the machine, which under load may get through less of it.
        var result = await CliProcess.RunUntilAsync(["demo"], line =>
        {
            sawKidMiss |= line.Contains("kid-miss", StringComparison.Ordinal);
            return sawKidMiss && Tokens().Match(line) is { Success: true } tokens
                && int.Parse(tokens.Groups["total"].Value, CultureInfo.InvariantCulture) > 10;
        });

        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = Summary().Match(result.Lines[^1]);
        Assert.True(summary.Success, result.ToString());
        Assert.True(int.Parse(summary.Groups["validated"].Value) > 10, result.ToString());
        Assert.Equal("0", summary.Groups["failed"].Value);
        Assert.True(int.Parse(summary.Groups["rotations"].Value) >= 1, result.ToString());
        Assert.Single(result.Lines, line => line.StartsWith("demo:", StringComparison.Ordinal));
        Assert.Contains(result.Lines, line => line.Contains("kid-miss"));
        Assert.DoesNotContain(result.Lines, line => line.Contains("eyJ"));
    }

    [GeneratedRegex(
        @"^demo: validated (?<validated>\d+) tokens, (?<failed>\d+) failed, (?<rotations>\d+) key rotations$")]
    private static partial Regex Summary();

    [GeneratedRegex(@"; (?<total>\d+) in all$")]
    private static partial Regex Tokens();
}
