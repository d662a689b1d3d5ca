namespace AkkaJwks.Actors;

/// <summary>
/// Kids that were still absent after a refresh, remembered until a deadline so that random kids from forged tokens
/// cannot spend the kid-miss refresh budget. Bounded: past <see cref="Capacity"/> the oldest entry is forgotten.
/// Used by one actor only, so it needs no locks.
/// </summary>
internal sealed class UnknownKids
{
    /// <summary>
    /// The most kids remembered. Every entry comes from a refresh that really ran, so a flood of forged kids fills
    /// it at most one refresh at a time; a few thousand keeps the memory small (about 100 bytes an entry).
    /// </summary>
    public const int Capacity = 4096;

    private readonly Dictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);

    // Entries in the order they were remembered; all share one time to live, so that is also their expiry order.
    // An entry whose deadline no longer matches the dictionary was superseded and is skipped.
    private readonly Queue<(string Kid, DateTimeOffset Until)> _order = new();

    /// <summary>How many kids are remembered.</summary>
    public int Count => _until.Count;

    /// <summary>The entries held in expiry order, superseded ones included: what the memory really costs.</summary>
    internal int Entries => _order.Count;

    /// <summary>Whether <paramref name="kid"/> is remembered as absent at <paramref name="now"/>; until when.</summary>
    public bool TryGetUntil(string kid, DateTimeOffset now, out DateTimeOffset until) =>
        _until.TryGetValue(kid, out until) && until > now;

    /// <summary>Remembers <paramref name="kid"/> as absent until <paramref name="until"/>.</summary>
    public void Remember(string kid, DateTimeOffset until, DateTimeOffset now)
    {
        ForgetExpired(now);

        // Every look-up that waited on one refresh remembers its kid: a replayed token would queue one entry each.
        if (_until.TryGetValue(kid, out var known) && known >= until)
        {
            return;
        }

        if (!_until.ContainsKey(kid))
        {
            while (_until.Count >= Capacity)
            {
                ForgetOldest();
            }
        }

        _until[kid] = until;
        _order.Enqueue((kid, until));
    }

    private void ForgetExpired(DateTimeOffset now)
    {
        while (_order.TryPeek(out var head) && head.Until <= now)
        {
            _order.Dequeue();
            Forget(head);
        }
    }

    private void ForgetOldest()
    {
        if (_order.TryDequeue(out var head))
        {
            Forget(head);
        }
    }

    private void Forget((string Kid, DateTimeOffset Until) entry)
    {
        if (_until.TryGetValue(entry.Kid, out var until) && until == entry.Until)
        {
            _until.Remove(entry.Kid);
        }
    }
}
