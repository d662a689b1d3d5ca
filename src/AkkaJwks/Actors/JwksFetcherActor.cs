using Akka.Actor;
using AkkaJwks.Configuration;
using AkkaJwks.Http;

namespace AkkaJwks.Actors;

/// <summary>One named fetcher: keeps one endpoint's JWKS fresh and answers look-ups.</summary>
internal sealed class JwksFetcherActor : ReceiveActor, IWithTimers
{
    private readonly JwksFetcherOptions _options;
    private readonly IJwksHttpClient _httpClient;
    private readonly JwksSnapshots _snapshots;

    private JwksFetcherActor(JwksFetcherOptions options, IJwksHttpClient httpClient, JwksSnapshots snapshots)
    {
        _options = options;
        _httpClient = httpClient;
        _snapshots = snapshots;
    }

    /// <summary>Set by Akka before the actor starts.</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The props of a fetcher for <paramref name="options"/>; the caller owns the HTTP client.</summary>
    public static Props Props(JwksFetcherOptions options, IJwksHttpClient httpClient, JwksSnapshots snapshots) =>
        Akka.Actor.Props.Create(() => new JwksFetcherActor(options, httpClient, snapshots));

    /// <summary>
    /// Asks for the outcome of the first fetch: answered, once it completes, with <see cref="FirstFetchCompleted"/>
    /// or <c>Status.Failure</c> carrying the reason. The registry sends it for sync-init.
    /// </summary>
    public sealed record AwaitFirstFetch
    {
        private AwaitFirstFetch()
        {
        }

        /// <summary>The one instance.</summary>
        public static AwaitFirstFetch Instance { get; } = new();
    }
}
