using AkkaJwks.Cli;

namespace AkkaJwks.Tests.Cli;

public class CommandLineDurationTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("24d", 2_073_600_000)]
    [InlineData(" 3S ", 3_000)]
    public void TryParse_NumberWithUnit_GivesTheDuration(string text, double milliseconds)
    {
        var parsed = CommandLineDuration.TryParse(text, out var duration, out var error);

        Assert.True(parsed, error);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("s")]
    [InlineData("-1s")]
    [InlineData("0s")]
    [InlineData("1e3ms")]
    [InlineData("ten seconds")]
    [InlineData("")]
    public void TryParse_NotADuration_SaysWhatIsExpected(string text)
    {
        var parsed = CommandLineDuration.TryParse(text, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(
            $"'{text}' is not a duration: expected a positive number with a unit (500ms, 10s, 2m, 1h, 1d).", error);
    }

    [Theory]
    [InlineData("24.5d")]
    [InlineData("577h")]
    [InlineData("99999h")]
    [InlineData("100000000000000000000000000000ms")]
    public void TryParse_LongerThanTheSchedulerTakes_SaysTheMaximum(string text)
    {
        var parsed = CommandLineDuration.TryParse(text, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(
            $"'{text}' is too long: a duration is at most 24d (the longest wait the scheduler takes).", error);
    }

    [Theory]
    [InlineData("0.0001ms")]
    [InlineData("0.5ms")]
    [InlineData("0.000001s")]
    public void TryParse_UnderAMillisecond_SaysTheMinimum(string text)
    {
        var parsed = CommandLineDuration.TryParse(text, out _, out var error);

        Assert.False(parsed);
        Assert.Equal($"'{text}' is too short: a duration is at least 1ms.", error);
    }

    [Fact]
    public async Task Watch_DurationUnderAMillisecond_IsUsageErrorLikeZero()
    {
        using var config = TempFile.Write("short.conf", """
            akka.jwks.fetchers.short { url = "http://127.0.0.1:1/jwks" }
            """);

        var result = await CliProcess.RunAsync(["watch", "--config", config.Path, "--duration", "0.0001ms"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(
            ["akka-jwks: --duration '0.0001ms' is too short: a duration is at least 1ms; run 'akka-jwks --help' "
                + "for usage."],
            result.ErrorLines);
        Assert.Empty(result.StdOut);
    }

    [Theory]
    [InlineData(850.4, "850ms")]
    [InlineData(2_500, "2.5s")]
    [InlineData(10_000, "10s")]
    [InlineData(180_000, "3m")]
    public void Format_MeasuredDuration_IsWrittenTheHoconWay(double milliseconds, string expected)
    {
        Assert.Equal(expected, CommandLineDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData(500, "500ms")]
    [InlineData(10_000, "10s")]
    [InlineData(120_000, "2m")]
    [InlineData(90_000, "90s")]
    [InlineData(86_400_000, "1d")]
    [InlineData(172_800_000, "2d")]
    [InlineData(1_500.5, "1500.5ms")]
    public void Exact_ConfiguredDuration_IsTheLargestWholeUnit(double milliseconds, string expected)
    {
        Assert.Equal(expected, CommandLineDuration.Exact(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData("watch", "--config", "CONFIG", "--duration", "99999h")]
    [InlineData("watch", "--config", "CONFIG", "--duration=99999h")]
    [InlineData("demo", "-d", "99999h")]
    public async Task Run_DurationOverTheMaximum_IsUsageErrorNamingOptionValueAndMaximum(params string[] args)
    {
        using var config = TempFile.Write("long.conf", """
            akka.jwks.fetchers.long { url = "http://127.0.0.1:1/jwks" }
            """);

        var result = await CliProcess.RunAsync(args.Select(arg => arg == "CONFIG" ? config.Path : arg));

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = Assert.Single(result.ErrorLines);
        var option = args[0] == "demo" ? "-d" : "--duration";
        Assert.StartsWith($"akka-jwks: {option} '99999h' is too long: a duration is at most 24d", error);
    }
}
