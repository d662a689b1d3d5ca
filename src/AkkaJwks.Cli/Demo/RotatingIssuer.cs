using System.Text.Json;

namespace AkkaJwks.Cli.Demo;

/// <summary>
/// The demo's identity provider: one RSA and one EC signing key at a time. <see cref="Rotate"/> publishes a new
/// pair and signs with it at once, so the fetcher learns of it through the kid-miss path; the pair it replaced
/// stays published until the next rotation, then is retired.
/// </summary>
internal sealed class RotatingIssuer : IDisposable
{
    private readonly object _gate = new();
    private readonly List<IssuerKey> _published = [];
    private IssuerKey[] _signers = [];
    private byte[] _document = [];
    private int _generation;

    /// <summary>Creates the issuer with its first pair of keys.</summary>
    public RotatingIssuer() => Rotate();

    /// <summary>How many times the keys were rotated since the first pair.</summary>
    public int Rotations => Volatile.Read(ref _generation) - 1;

    /// <summary>The JWKS document published now.</summary>
    public byte[] Document => Volatile.Read(ref _document);

    /// <summary>The keys that sign now: the RSA key first, then the EC key.</summary>
    public IReadOnlyList<IssuerKey> Signers => Volatile.Read(ref _signers);

    /// <summary>
    /// Publishes a new pair of keys, then signs with it; retires the pair before the one replaced.
    /// Answers the kids of the new pair and of the retired one.
    /// </summary>
    public (IReadOnlyList<string> Added, IReadOnlyList<string> Retired) Rotate()
    {
        var generation = Volatile.Read(ref _generation) + 1;
        IssuerKey[] fresh =
        [
            IssuerKey.NewRsa($"demo-rsa-{generation}"),
            IssuerKey.NewEc($"demo-ec-{generation}"),
        ];

        lock (_gate)
        {
            var retired = _published.Take(Math.Max(0, _published.Count - 2)).ToList();
            _published.RemoveRange(0, retired.Count);
            _published.AddRange(fresh);
            Volatile.Write(ref _document, Serialize(_published));
            Volatile.Write(ref _signers, fresh);
            Volatile.Write(ref _generation, generation);

            var retiredKids = retired.Select(key => key.Kid).ToList();
            retired.ForEach(key => key.Dispose());
            return (fresh.Select(key => key.Kid).ToList(), retiredKids);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _published.ForEach(key => key.Dispose());
            _published.Clear();
        }
    }

    private static byte[] Serialize(IEnumerable<IssuerKey> keys)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("keys");
            foreach (var key in keys)
            {
                key.WritePublicJwk(json);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
