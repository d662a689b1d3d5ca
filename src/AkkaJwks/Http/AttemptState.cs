namespace AkkaJwks.Http;

/// <summary>
/// What one <see cref="HttpJwksClient.GetAsync"/> call learns while it runs, carried on each request message so the
/// connect callback of the shared handler can report back to the call that caused it.
/// </summary>
internal sealed class AttemptState
{
    /// <summary>The key under which the state rides in <see cref="HttpRequestMessage.Options"/>.</summary>
    public static readonly HttpRequestOptionsKey<AttemptState> Key = new("AkkaJwks.AttemptState");

    private readonly Action<AttemptPhase>? _observer;
    private AttemptPhase _phase;

    /// <summary>Creates the state; <paramref name="observer"/> hears each phase entered (tests wait on it).</summary>
    public AttemptState(Action<AttemptPhase>? observer = null) => _observer = observer;

    /// <summary>Where the current try is.</summary>
    public AttemptPhase Phase
    {
        get => _phase;
        set
        {
            _phase = value;
            _observer?.Invoke(value);
        }
    }

    /// <summary>The URL the current try is on: the configured one, or a redirect's.</summary>
    public Uri? Url { get; set; }

    /// <summary>Bytes of body read so far by the current try.</summary>
    public long BodyBytes { get; set; }

    /// <summary>The body length the server declared, when it did.</summary>
    public long? DeclaredBytes { get; set; }

    /// <summary>Why the certificate check refused the server, collected once the try has failed.</summary>
    public string? TlsRefusal { get; set; }

    /// <summary>The current try's token (timeout and caller), so a connection it opens is bounded by it too.</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>Starts a new try inside the same call.</summary>
    public void BeginTry(CancellationToken cancellation)
    {
        Phase = AttemptPhase.Headers;
        BodyBytes = 0;
        DeclaredBytes = null;
        TlsRefusal = null;
        Cancellation = cancellation;
    }

    /// <summary>Finds the state a request message carries, if any.</summary>
    public static AttemptState? Of(HttpRequestMessage? message) =>
        message is not null && message.Options.TryGetValue(Key, out var state) ? state : null;
}
