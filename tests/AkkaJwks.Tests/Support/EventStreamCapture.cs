using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Event;
using System.Diagnostics;
using AkkaJwks.Telemetry;

namespace AkkaJwks.Tests.Support;

/// <summary>
/// Everything published on a system's EventStream (log events of every level, telemetry events, dead letters) as
/// text: each event's <c>ToString()</c>, a log event's formatted message and its cause; and the status and tags
/// of every AkkaJwks activity that stops meanwhile for a URL on one of the test's servers. The activity listener
/// is process-wide: without that filter, the fetches of tests running in parallel would come too, and a check
/// that this test's own fetches failed or named a URL could pass on theirs.
/// </summary>
internal sealed class EventStreamCapture : IDisposable
{
    private readonly ConcurrentQueue<string> _texts = new();
    private readonly ConcurrentQueue<LogEvent> _logEvents = new();
    private readonly ConcurrentQueue<string> _activityTexts = new();
    private readonly IActorRef _collector;
    private readonly ActivityListener _tracing;

    /// <summary>Captures <paramref name="system"/>'s events and the activities of fetches from <paramref name="servers"/>.</summary>
    public EventStreamCapture(ActorSystem system, params Uri[] servers)
    {
        // A fetch's URL tag is shown redacted (http://…@127.0.0.1:41234/path?…): its host, port and '/' are kept.
        var origins = servers.Select(server => $"{server.Host}:{server.Port}/").ToList();
        _collector = system.ActorOf(Props.Create(() => new Collector(this)));
        system.EventStream.Subscribe(_collector, typeof(object));
        _tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == JwksInstruments.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem(JwksTelemetryTags.Url) is not string url
                    || !origins.Any(origin => url.Contains(origin, StringComparison.Ordinal)))
                {
                    return;
                }

                SawFailedActivity |= activity.Status == ActivityStatusCode.Error;
                var texts = new[]
                {
                    activity.StatusDescription ?? "",
                    string.Join(", ", activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}")),
                };
                foreach (var text in texts)
                {
                    _texts.Enqueue(text);
                    _activityTexts.Enqueue(text);
                }
            },
        };
        ActivitySource.AddActivityListener(_tracing);
    }

    /// <summary>Whether an activity of AkkaJwks stopped with an error status while capturing.</summary>
    public bool SawFailedActivity { get; private set; }

    /// <inheritdoc />
    public void Dispose() => _tracing.Dispose();

    /// <summary>The text of everything captured so far.</summary>
    public IReadOnlyCollection<string> Texts => _texts;

    /// <summary>The status and tags of the AkkaJwks activities that stopped so far.</summary>
    public IReadOnlyCollection<string> ActivityTexts => _activityTexts;

    /// <summary>The log events captured so far.</summary>
    public IReadOnlyCollection<LogEvent> LogEvents => _logEvents;

    /// <summary>Waits until every event published before this call has been captured.</summary>
    public Task FlushAsync() => _collector.Ask<Flushed>(Flush.Instance, TimeSpan.FromSeconds(30));

    private void Capture(object message)
    {
        _texts.Enqueue(message.ToString() ?? "");
        if (message is not LogEvent log)
        {
            return;
        }

        _logEvents.Enqueue(log);
        _texts.Enqueue(log.Message?.ToString() ?? "");
        if (log.Cause is { } cause)
        {
            _texts.Enqueue(cause.ToString());
        }
    }

    private sealed class Collector : ReceiveActor
    {
        public Collector(EventStreamCapture capture)
        {
            Receive<Flush>(_ => Sender.Tell(Flushed.Instance));
            ReceiveAny(capture.Capture);
        }
    }

    private sealed record Flush
    {
        public static Flush Instance { get; } = new();
    }

    private sealed record Flushed
    {
        public static Flushed Instance { get; } = new();
    }
}
