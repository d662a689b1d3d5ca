using Akka.Actor;
using Akka.Event;
using Akka.Pattern;
using AkkaJwks.Configuration;
using AkkaJwks.Http;

namespace AkkaJwks.Actors;

/// <summary>
/// Starts, stops and supervises the fetchers by name, and resolves names the way the seed's via-tuple does. Each
/// fetcher runs under a back-off supervisor named after the fetcher (escaped), so
/// <c>/user/&lt;registry-name&gt;/&lt;escaped name&gt;</c> finds it; messages sent to that supervisor reach the
/// fetcher with their sender. While a fetcher is down between a crash and its restart, the registry answers for it.
/// </summary>
internal sealed partial class JwksRegistryActor : ReceiveActor, IWithUnboundedStash
{
    private const string FetcherChildName = "fetcher";

    private readonly JwksSettings _settings;
    private readonly JwksSnapshots _snapshots;
    private readonly Func<JwksFetcherOptions, IJwksHttpClient> _httpClientFactory;
    private readonly Func<JwksFetcherOptions, IJwksHttpClient, JwksSnapshots, Props> _fetcherProps;
    private readonly Dictionary<string, Running> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, Running> _byChild = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public JwksRegistryActor(JwksSettings settings, JwksSnapshots snapshots,
        Func<JwksFetcherOptions, IJwksHttpClient> httpClientFactory,
        Func<JwksFetcherOptions, IJwksHttpClient, JwksSnapshots, Props> fetcherProps)
    {
        _settings = settings;
        _snapshots = snapshots;
        _httpClientFactory = httpClientFactory;
        _fetcherProps = fetcherProps;

        Receive<StartFetcher>(start => Start(start.Options, Sender));
        Receive<StopFetcher>(Stop);
        Receive<GetKeys>(ask => Forward(ask.Name, ask));
        Receive<GetKey>(ask => Forward(ask.Name, ask));
        Receive<Refresh>(ask => Forward(ask.Name, ask));
        Receive<GetState>(ask => Forward(ask.Name, ask));
        Receive<Resolve>(Resolve);
        Receive<Terminated>(Terminated);
        Receive<DeadLetter>(AnswerLost);
    }

    /// <summary>Set by Akka: holds a start for a name whose previous fetcher is still stopping.</summary>
    public IStash Stash { get; set; } = null!;

    /// <summary>
    /// The registry's props. <paramref name="httpClientFactory"/> makes the client of a fetcher whose options name
    /// none; the registry owns and disposes those clients.
    /// </summary>
    public static Props Props(JwksSettings settings, JwksSnapshots snapshots,
        Func<JwksFetcherOptions, IJwksHttpClient> httpClientFactory) =>
        Props(settings, snapshots, httpClientFactory, JwksFetcherActor.Props);

    /// <summary>The registry's props with another fetcher (tests use it to put a fake fetcher under supervision).</summary>
    internal static Props Props(JwksSettings settings, JwksSnapshots snapshots,
        Func<JwksFetcherOptions, IJwksHttpClient> httpClientFactory,
        Func<JwksFetcherOptions, IJwksHttpClient, JwksSnapshots, Props> fetcherProps) =>
        Akka.Actor.Props.Create(() => new JwksRegistryActor(settings, snapshots, httpClientFactory, fetcherProps));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));
        foreach (var options in _settings.Fetchers)
        {
            Start(options, replyTo: null);
        }
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        foreach (var running in _byChild.Values)
        {
            running.DisposeOwnedClient();
        }
    }

    private void Start(JwksFetcherOptions options, IActorRef? replyTo)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            replyTo?.Tell(new Status.Failure(new JwksConfigurationException(problems)));
            return;
        }

        if (Current(options.Name) is { } existing)
        {
            replyTo?.Tell(new Status.Failure(new DuplicateFetcherException(options.Name, existing.Options.Url)));
            return;
        }

        if (_byChild.Values.Any(r => r.Options.Name == options.Name))
        {
            // The previous fetcher of this name is stopping and still holds the actor name.
            Stash.Stash();
            return;
        }

        var running = Spawn(options);
        if (!options.SyncInit)
        {
            replyTo?.Tell(new FetcherStarted(options.Name, running.Child));
        }
        else if (replyTo is not null)
        {
            AwaitFirstFetch(running, replyTo);
        }
        else
        {
            // A sync-init fetcher that may stop on a failed first fetch stops once its start was waited for.
            running.Child.Tell(JwksFetcherActor.AwaitFirstFetch.Instance, ActorRefs.Nobody);
        }
    }

    private Running Spawn(JwksFetcherOptions options)
    {
        var owned = options.HttpClient is null ? _httpClientFactory(options) : null;

        // The fetcher takes its memory when it starts, so the fresh one must be in place first.
        var memory = _snapshots.Started(options);
        var fetcher = _fetcherProps(options, options.HttpClient ?? owned!, _snapshots);
        // Every failure restarts (after the back-off): Akka's default would stop the fetcher on some, and a stopped
        // fetcher would take its keys with it. Crashes count as in a row until the fetcher has run max-backoff without
        // one: Akka's default (min-backoff) forgets them before a restarted fetcher's first fetch can crash it again,
        // so the wait would never double and each restart would fetch at once.
        var supervised = BackoffSupervisor.Props(Backoff.OnFailure(fetcher, FetcherChildName,
                _settings.MinBackoff, _settings.MaxBackoff, _settings.BackoffRandomFactor, maxNrOfRetries: -1)
            .WithAutoReset(_settings.MaxBackoff)
            .WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Restart)));
        var child = Context.ActorOf(supervised, Uri.EscapeDataString(options.Name));
        Context.Watch(child);

        var running = new Running(options, child, memory, owned);
        _running[options.Name] = running;
        _byChild[child] = running;
        _log.Info("Started JWKS fetcher {0} for {1}", options.Name, JwksUrl.Redact(options.Url));
        return running;
    }

    private void AwaitFirstFetch(Running running, IActorRef replyTo)
    {
        var name = running.Options.Name;
        var child = running.Child;

        // The first fetch is bounded by the request timeout; the ask timeout is the margin for the answer.
        var timeout = running.Options.RequestTimeout + _settings.AskTimeout;
        child.Ask<FirstFetchCompleted>(JwksFetcherActor.AwaitFirstFetch.Instance, timeout).PipeTo(replyTo,
            success: _ => new FetcherStarted(name, child),
            failure: e => new Status.Failure(e is AggregateException { InnerException: { } inner } ? inner : e));
    }

    private void Stop(StopFetcher stop)
    {
        var running = Find(stop.Name);
        if (running is null)
        {
            return;
        }

        _running.Remove(stop.Name);
        running.StopWaiters.Add(Sender);
        _snapshots.Remove(stop.Name);
        Context.Stop(running.Child);
    }

    private void Terminated(Terminated terminated)
    {
        if (!_byChild.Remove(terminated.ActorRef, out var running))
        {
            return;
        }

        running.DisposeOwnedClient();
        var name = running.Options.Name;
        if (_running.TryGetValue(name, out var current) && current == running)
        {
            ForgetStoppedOnItsOwn(running);
        }

        foreach (var waiter in running.StopWaiters)
        {
            waiter.Tell(new FetcherStopped(name));
        }

        Stash.UnstashAll();
    }

    private void Resolve(Resolve resolve)
    {
        var running = Find(resolve.Name);
        if (running is not null)
        {
            Sender.Tell(running.Child);
        }
    }

    private void Forward(string name, object message)
    {
        if (Find(name) is not { } running)
        {
            return;
        }

        if (running.Memory.IsDown)
        {
            AnswerWhileDown(running, message, Sender);
            return;
        }

        running.Child.Forward(message);
    }

    /// <summary>The running fetcher of <paramref name="name"/>; else answers the sender with a failure.</summary>
    private Running? Find(string name)
    {
        if (Current(name) is { } running)
        {
            return running;
        }

        Sender.Tell(new Status.Failure(new FetcherNotFoundException(name, _running.Keys.ToArray())));
        return null;
    }

    /// <summary>
    /// The fetcher of <paramref name="name"/>, unless it has none or it stops on its own: that one has answered its
    /// failed start already, so it is forgotten now rather than when its <c>Terminated</c> comes.
    /// </summary>
    private Running? Current(string name)
    {
        if (!_running.TryGetValue(name, out var running))
        {
            return null;
        }

        if (!running.Memory.IsStopping)
        {
            return running;
        }

        ForgetStoppedOnItsOwn(running);
        return null;
    }

    private void ForgetStoppedOnItsOwn(Running running)
    {
        var name = running.Options.Name;
        _log.Warning("JWKS fetcher {0} stopped on its own; its keys are no longer served", name);
        _running.Remove(name);
        _snapshots.Remove(name);
    }

    private sealed class Running(
        JwksFetcherOptions options, IActorRef child, FetcherMemory memory, IJwksHttpClient? ownedClient)
    {
        public JwksFetcherOptions Options { get; } = options;

        public IActorRef Child { get; } = child;

        public FetcherMemory Memory { get; } = memory;

        public List<IActorRef> StopWaiters { get; } = [];

        public void DisposeOwnedClient() => (ownedClient as IDisposable)?.Dispose();
    }
}
