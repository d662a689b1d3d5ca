namespace AkkaJwks.Cli.Demo;

/// <summary>Counts the demo's validations, in total and since the last summary. Thread-safe.</summary>
internal sealed class ValidationStats
{
    private readonly object _gate = new();
    private readonly Dictionary<string, int> _windowByAlg = new(StringComparer.Ordinal);
    private int _total;
    private int _failed;
    private int _windowFailed;

    /// <summary>Every token checked so far.</summary>
    public int Total
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    /// <summary>The tokens that did not validate so far.</summary>
    public int Failed
    {
        get
        {
            lock (_gate)
            {
                return _failed;
            }
        }
    }

    /// <summary>Counts one checked token signed with <paramref name="alg"/>.</summary>
    public void Add(string alg, bool valid)
    {
        lock (_gate)
        {
            _total++;
            _windowByAlg[alg] = _windowByAlg.GetValueOrDefault(alg) + 1;
            if (!valid)
            {
                _failed++;
                _windowFailed++;
            }
        }
    }

    /// <summary>The counts since the last call, per algorithm, and the failures among them; then starts anew.</summary>
    public (IReadOnlyDictionary<string, int> ByAlg, int Failed) TakeWindow()
    {
        lock (_gate)
        {
            var window = (new Dictionary<string, int>(_windowByAlg), _windowFailed);
            _windowByAlg.Clear();
            _windowFailed = 0;
            return window;
        }
    }
}
