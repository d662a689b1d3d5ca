using AkkaJwks.Configuration;
using AkkaJwks.Http;

namespace AkkaJwks.Actors;

/// <summary>When a fetcher fetches next: after a success, from the server's caching headers or the jittered
/// refresh interval; after a failure, by capped, jittered exponential backoff that honours Retry-After.</summary>
internal sealed class FetchRhythm
{
    // 2^30 times any retry interval is past every cap; the limit only keeps Math.Pow finite.
    private const int MaxDoublings = 30;

    private readonly JwksFetcherOptions _options;
    private readonly Func<double> _nextUnit;

    /// <param name="options">The intervals and the jitter fraction.</param>
    /// <param name="nextUnit">A uniform random number in [0, 1); a seeded one in tests.</param>
    public FetchRhythm(JwksFetcherOptions options, Func<double> nextUnit)
    {
        _options = options;
        _nextUnit = nextUnit;
    }

    /// <summary>
    /// The wait after a success: the server's lifetime of the document when it is shorter than refresh-interval
    /// (never below min-refresh-interval, so no-cache or max-age=0 cannot loop), else refresh-interval spread by
    /// ± refresh-jitter.
    /// </summary>
    public TimeSpan AfterSuccess(JwksHttpResponse response, DateTimeOffset now)
    {
        if (ServerLifetime(response, now) is { } lifetime && lifetime < _options.RefreshInterval)
        {
            return lifetime < _options.MinRefreshInterval ? _options.MinRefreshInterval : lifetime;
        }

        return _options.RefreshInterval * Spread();
    }

    /// <summary>
    /// The wait after the <paramref name="failuresInRow"/>-th failure in a row: retry-interval doubled per earlier
    /// failure and spread by ± refresh-jitter, never above max-retry-interval; a Retry-After longer than that is
    /// waited out, up to max-retry-interval.
    /// </summary>
    public TimeSpan AfterFailure(int failuresInRow, TimeSpan? retryAfter)
    {
        var max = _options.MaxRetryInterval;
        var doublings = Math.Clamp(failuresInRow - 1, 0, MaxDoublings);
        var backoff = Math.Min(_options.RetryInterval.Ticks * Math.Pow(2, doublings), max.Ticks);
        var delay = TimeSpan.FromTicks((long)Math.Min(backoff * Spread(), max.Ticks));
        if (retryAfter is { } serverWait && serverWait > delay)
        {
            delay = serverWait < max ? serverWait : max;
        }

        return delay;
    }

    /// <summary>How long the server says the document stays fresh, or <see langword="null"/> if it says nothing.</summary>
    internal static TimeSpan? ServerLifetime(JwksHttpResponse response, DateTimeOffset now)
    {
        if (response.NoCache)
        {
            return TimeSpan.Zero;
        }

        if (response.MaxAge is { } maxAge)
        {
            return maxAge - (response.Age ?? TimeSpan.Zero);
        }

        if (response.Expires is { } expires)
        {
            // Expires is read against the server's own Date so a skewed local clock does not shift it.
            return expires - (response.Date ?? now);
        }

        return null;
    }

    private double Spread() => 1 + (_options.RefreshJitter * ((2 * _nextUnit()) - 1));
}
