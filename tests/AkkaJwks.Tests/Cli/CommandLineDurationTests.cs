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
            $"'{text}' is not a duration: expected a positive number with a unit (500ms, 10s, 2m, 1h).", error);
    }
}
