using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Http;
using AkkaJwks.Keys;
using AkkaJwks.Telemetry;
using AkkaJwks.Tests.Actors;

namespace AkkaJwks.Tests.Telemetry;

public sealed class JwksFetcherTelemetryTests : FetcherTestKit
{
    // Instruments are process-wide and other specs run in parallel: this name tells this spec's measurements apart.
    private readonly string _name = $"telemetry-{Guid.NewGuid():N}";
    private readonly ConcurrentQueue<Measurement> _measured = [];
    private readonly ConcurrentQueue<Activity> _activities = [];
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _tracing;

    public JwksFetcherTelemetryTests()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == JwksInstruments.SourceName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _meters.Start();
        _tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == JwksInstruments.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem(JwksTelemetryTags.Name), _name))
                {
                    _activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_tracing);
    }

    [Fact]
    public async Task Fetches_PublishStartedSucceededAndKeysChangedOnTheEventStream()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events, typeof(JwksFetchStarted));
        Sys.EventStream.Subscribe(events, typeof(JwksKeysChanged));
        Sys.EventStream.Subscribe(events, typeof(JwksFetchSucceeded));
        var fetcher = StartFetcher(TestOptions(_name));

        await AnswerAsync(fetch =>
        {
            Clock.Advance(TimeSpan.FromSeconds(2));
            fetch.RespondKeys("a", "b");
        });
        var started = await events.ExpectMsgAsync<JwksFetchStarted>();
        var succeeded = await events.ExpectMsgAsync<JwksFetchSucceeded>();
        var initial = await events.ExpectMsgAsync<JwksKeysChanged>();
        await Rotate(fetcher, "a", "b");
        await Rotate(fetcher, "b", "c");
        var manual = await events.ExpectMsgAsync<JwksFetchStarted>();
        await events.ExpectMsgAsync<JwksFetchSucceeded>();
        await events.ExpectMsgAsync<JwksFetchStarted>();
        await events.ExpectMsgAsync<JwksFetchSucceeded>();
        var rotated = await events.ExpectMsgAsync<JwksKeysChanged>();

        Assert.Equal((_name, TestDocuments.Url, "initial"), (started.Name, started.Url, started.Trigger));
        Assert.Equal(
            (TimeSpan.FromSeconds(2), 2, false), (succeeded.Duration, succeeded.KeyCount, succeeded.NotModified));
        Assert.Equal(["a", "b"], initial.Added);
        Assert.Empty(initial.Removed);
        Assert.Equal("manual", manual.Trigger);
        Assert.Equal(["c"], rotated.Added);
        Assert.Equal(["a"], rotated.Removed);
        Assert.Equal(2, rotated.KeyCount);
    }

    [Fact]
    public async Task Failure_PublishesFetchFailedWithReasonAndNextAttempt()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events, typeof(JwksFetchFailed));
        StartFetcher(TestOptions(_name));

        await FailAsync(FetchFailureKind.ResponseTooLarge);
        var failed = await events.ExpectMsgAsync<JwksFetchFailed>();

        Assert.Equal(_name, failed.Name);
        Assert.Equal(FetchFailureKind.ResponseTooLarge, failed.Reason);
        Assert.Equal(1, failed.FailuresInRow);
        Assert.Equal(TimeSpan.FromSeconds(30), failed.NextAttemptIn);
        Assert.Equal("test failure ResponseTooLarge", failed.Message);
    }

    [Fact]
    public async Task Fetches_RecordDurationFailuresKeysAndKidMissRefreshes()
    {
        var fetcher = StartFetcher(TestOptions(_name));
        await FailAsync(FetchFailureKind.Timeout);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(30));
        await SucceedAsync("a");

        var miss = fetcher.Ask<Jwk>(new GetKey(_name, "rotated"), AskTimeout);
        await SucceedAsync("a", "rotated");
        await miss;

        var durations = Measurements("akka.jwks.fetch.duration");
        Assert.Equal(["failure", "success", "success"], durations.Select(m => m.Tags[JwksTelemetryTags.Outcome]));
        Assert.Equal(["initial", "retry", "kid-miss"], durations.Select(m => m.Tags[JwksTelemetryTags.Trigger]));
        var failure = Assert.Single(Measurements("akka.jwks.fetch.failures"));
        Assert.Equal("Timeout", failure.Tags[JwksTelemetryTags.Reason]);
        Assert.Equal([1.0, 2.0], Measurements("akka.jwks.keys").Select(m => m.Value));
        Assert.Single(Measurements("akka.jwks.kid_miss.refreshes"));
    }

    [Fact]
    public async Task Fetch_IsOneActivityTaggedWithItsOutcome()
    {
        StartFetcher(TestOptions(_name));

        await FailAsync(FetchFailureKind.Dns);

        var activity = Assert.Single(_activities);
        Assert.Equal(JwksInstruments.FetchActivityName, activity.OperationName);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("Dns", activity.GetTagItem(JwksTelemetryTags.Reason));
        Assert.Equal("initial", activity.GetTagItem(JwksTelemetryTags.Trigger));
        Assert.Equal(TestDocuments.Url.ToString(), activity.GetTagItem(JwksTelemetryTags.Url));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _meters.Dispose();
            _tracing.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task Rotate(IActorRef fetcher, params string[] kids)
    {
        await fetcher.Ask<RefreshAccepted>(new Refresh(_name), AskTimeout);
        await SucceedAsync(kids);
    }

    private List<Measurement> Measurements(string name) =>
        _measured.Where(m => m.Instrument == name).ToList();

    private void Measured<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IConvertible
    {
        var byName = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            byName[tag.Key] = tag.Value;
        }

        if (Equals(byName.GetValueOrDefault(JwksTelemetryTags.Name), _name))
        {
            _measured.Enqueue(new Measurement(instrument.Name, value.ToDouble(null), byName));
        }
    }

    private sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags);
}
