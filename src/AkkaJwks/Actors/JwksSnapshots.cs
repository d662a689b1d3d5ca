using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using AkkaJwks.Configuration;
using AkkaJwks.Keys;

namespace AkkaJwks.Actors;

/// <summary>
/// The last published <see cref="Jwks"/> of every fetcher, read without locks on the hot path. A fetcher swaps
/// its snapshot in one step, never empties it, and a restarted fetcher starts from it.
/// </summary>
/// <remarks>
/// Each name gets one <see cref="JwksSource"/> for the life of the system, kept after its fetcher stops, so a
/// handle a caller holds stays valid when a fetcher of that name starts again. The cost is one small object per
/// distinct name ever started or asked for through <see cref="Source"/>. Names are added rarely and read on every
/// look-up, so the map is a frozen dictionary replaced whole (under a lock) when a name is added: reads stay
/// lock-free and cost less than a concurrent dictionary's.
/// </remarks>
internal sealed class JwksSnapshots
{
    private readonly Lock _adding = new();

    // Held while a fetcher publishes and while its name is removed or started again: a stopped fetcher's last
    // outcome must not land after the removal.
    private readonly Lock _owners = new();
    private readonly ConcurrentDictionary<string, FetcherMemory> _memories = new(StringComparer.Ordinal);
    private Names _names = new(FrozenDictionary<string, JwksSource>.Empty);

    public bool TryGet(string name, [NotNullWhen(true)] out Jwks? jwks)
    {
        jwks = Find(name)?.Current;
        return jwks is not null;
    }

    /// <summary>The handle of <paramref name="name"/>, or <see langword="null"/> when none exists yet.</summary>
    /// <remarks>Inlined into the look-ups of the extension: it runs on every one of them.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public JwksSource? Find(string name)
    {
        // Most systems fetch from one provider: then an ordinal compare (a reference compare when the caller passes
        // the same string each time) stands in for the dictionary.
        var names = Volatile.Read(ref _names);
        var only = names.Only;
        return only is not null && string.Equals(only.Name, name) ? only : names.ByName.GetValueOrDefault(name);
    }

    /// <summary>The handle of <paramref name="name"/>, created empty when the name is new.</summary>
    public JwksSource Source(string name)
    {
        if (Find(name) is { } source)
        {
            return source;
        }

        lock (_adding)
        {
            if (_names.ByName.TryGetValue(name, out source))
            {
                return source;
            }

            source = new JwksSource(name);
            var copy = new Dictionary<string, JwksSource>(_names.ByName, StringComparer.Ordinal) { [name] = source };
            Volatile.Write(ref _names, new Names(copy.ToFrozenDictionary(StringComparer.Ordinal)));
            return source;
        }
    }

    public void Publish(string name, Jwks jwks) => Source(name).Publish(jwks);

    /// <summary>
    /// Publishes <paramref name="jwks"/> for the fetcher whose memory is <paramref name="owner"/>, unless that fetcher
    /// was stopped meanwhile: the registry forgets a name (and may start it again) before the stop reaches the
    /// fetcher, which may still take a fetch's outcome until then. Whether it published.
    /// </summary>
    public bool Publish(string name, Jwks jwks, FetcherMemory owner)
    {
        var source = Source(name);
        lock (_owners)
        {
            if (!_memories.TryGetValue(name, out var current) || !ReferenceEquals(current, owner))
            {
                return false;
            }

            source.Publish(jwks);
            return true;
        }
    }

    /// <summary>Forgets the keys and the memory of <paramref name="name"/>; its handle stays, empty.</summary>
    public void Remove(string name)
    {
        lock (_owners)
        {
            Find(name)?.Clear();
            _memories.TryRemove(name, out _);
        }
    }

    /// <summary>
    /// Records the options of the fetcher about to start under the name and gives it a fresh memory, which its
    /// restarts share; call it before the fetcher starts.
    /// </summary>
    public FetcherMemory Started(JwksFetcherOptions options)
    {
        Source(options.Name).Options = options;
        var memory = new FetcherMemory();
        lock (_owners)
        {
            _memories[options.Name] = memory;
        }

        return memory;
    }

    /// <summary>
    /// The memory of the fetcher of <paramref name="name"/>, which survives its restarts; created when the name has
    /// none (a fetcher started without the registry).
    /// </summary>
    public FetcherMemory Memory(string name) => _memories.GetOrAdd(name, _ => new FetcherMemory());

    /// <summary>The last state the running fetcher of <paramref name="name"/> reported, if one runs.</summary>
    public FetcherState? LastState(string name) =>
        _memories.TryGetValue(name, out var memory) ? memory.LastState : null;

    /// <summary>The handles by name, replaced whole when a name is added; the one handle when there is one.</summary>
    private sealed class Names(FrozenDictionary<string, JwksSource> byName)
    {
        public FrozenDictionary<string, JwksSource> ByName { get; } = byName;

        public JwksSource? Only { get; } = byName.Count == 1 ? byName.Values[0] : null;
    }
}
