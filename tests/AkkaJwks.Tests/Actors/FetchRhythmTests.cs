using AkkaJwks.Actors;

namespace AkkaJwks.Tests.Actors;

public class FetchRhythmTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.0, 13.5)]
    [InlineData(0.5, 15.0)]
    [InlineData(0.999999, 16.5)]
    public void AfterSuccess_NoCachingHeaders_RefreshIntervalSpreadByJitter(double unit, double minutes)
    {
        var rhythm = new FetchRhythm(FetcherTestKit.TestOptions(), () => unit);

        var delay = rhythm.AfterSuccess(TestDocuments.Ok([]), Now);

        Assert.Equal(minutes, delay.TotalMinutes, precision: 3);
    }

    [Theory]
    [InlineData(300, null, 300)]
    [InlineData(10, null, 60)]
    [InlineData(7200, null, 900)]
    [InlineData(600, 120, 480)]
    [InlineData(0, null, 60)]
    public void AfterSuccess_MaxAge_ClampedBetweenFloorAndRefreshInterval(int maxAge, int? age, int seconds)
    {
        var rhythm = new FetchRhythm(FetcherTestKit.TestOptions(), () => 0.5);
        var response = TestDocuments.Ok([]) with
        {
            MaxAge = TimeSpan.FromSeconds(maxAge),
            Age = age is null ? null : TimeSpan.FromSeconds(age.Value),
        };

        var delay = rhythm.AfterSuccess(response, Now);

        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }

    [Fact]
    public void AfterSuccess_NoCache_MinRefreshIntervalNotALoop()
    {
        var rhythm = new FetchRhythm(FetcherTestKit.TestOptions(), () => 0.5);
        var response = TestDocuments.Ok([]) with { NoCache = true, MaxAge = TimeSpan.FromMinutes(10) };

        var delay = rhythm.AfterSuccess(response, Now);

        Assert.Equal(TimeSpan.FromMinutes(1), delay);
    }

    [Fact]
    public void AfterSuccess_ExpiresAgainstServerDate_UsesTheServerClock()
    {
        var rhythm = new FetchRhythm(FetcherTestKit.TestOptions(), () => 0.5);
        var serverDate = Now.AddHours(-3);
        var response = TestDocuments.Ok([]) with { Date = serverDate, Expires = serverDate.AddMinutes(4) };

        var delay = rhythm.AfterSuccess(response, Now);

        Assert.Equal(TimeSpan.FromMinutes(4), delay);
    }

    [Fact]
    public void AfterFailure_InARow_DoublesFromRetryIntervalAndCapsAtMax()
    {
        var rhythm = new FetchRhythm(FetcherTestKit.TestOptions(), () => 0.5);

        var delays = Enumerable.Range(1, 8).Select(n => rhythm.AfterFailure(n, retryAfter: null).TotalSeconds);

        Assert.Equal([30, 60, 120, 240, 300, 300, 300, 300], delays);
    }

    [Theory]
    [InlineData(0.0, 1, 27)]
    [InlineData(0.999999, 1, 33)]
    [InlineData(0.0, 3, 108)]
    [InlineData(0.999999, 3, 132)]
    [InlineData(0.999999, 5, 300)]
    [InlineData(0.0, 5, 270)]
    public void AfterFailure_Jitter_StaysWithinBoundsAndUnderMax(double unit, int failures, double seconds)
    {
        var rhythm = new FetchRhythm(FetcherTestKit.TestOptions(), () => unit);

        var delay = rhythm.AfterFailure(failures, retryAfter: null);

        Assert.Equal(seconds, delay.TotalSeconds, precision: 2);
    }

    [Theory]
    [InlineData(120, 120)]
    [InlineData(10, 30)]
    [InlineData(3600, 300)]
    public void AfterFailure_RetryAfter_HonouredAndCappedAtMax(int retryAfter, int seconds)
    {
        var rhythm = new FetchRhythm(FetcherTestKit.TestOptions(), () => 0.5);

        var delay = rhythm.AfterFailure(1, TimeSpan.FromSeconds(retryAfter));

        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }

    [Fact]
    public void ServerLifetime_NoCachingHeaders_Null()
    {
        Assert.Null(FetchRhythm.ServerLifetime(TestDocuments.Ok([]), Now));
    }

    [Fact]
    public void AfterFailure_ManyFailuresInARow_StaysAtMax()
    {
        var rhythm = new FetchRhythm(FetcherTestKit.TestOptions(), () => 0.5);

        var delay = rhythm.AfterFailure(int.MaxValue, retryAfter: null);

        Assert.Equal(TimeSpan.FromMinutes(5), delay);
    }
}
