using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace AkkaJwks.Tests.Http;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer it arms, so a test can advance exactly past the quick
/// retries' delays (and nothing else) without guessing when they start.
/// </summary>
internal sealed class SignallingClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ReportingTimer(base.CreateTimer(callback, state, dueTime, period), _armed.Writer);
        timer.Report(dueTime);
        return timer;
    }

    /// <summary>
    /// Waits for <paramref name="call"/>, advancing the clock past each timer armed with a due time shorter than
    /// <paramref name="below"/> (the quick-retry delays), never past the attempt's timeout.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> call, TimeSpan below)
    {
        while (true)
        {
            var armed = _armed.Reader.ReadAsync().AsTask();
            if (await Task.WhenAny(call, armed) == call)
            {
                return await call;
            }

            var due = await armed;
            if (due < below)
            {
                Advance(due);
            }
        }
    }

    private sealed class ReportingTimer(ITimer inner, ChannelWriter<TimeSpan> armed) : ITimer
    {
        public void Report(TimeSpan dueTime)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                armed.TryWrite(dueTime);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            Report(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
