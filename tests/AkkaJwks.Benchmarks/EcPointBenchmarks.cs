using System.Security.Cryptography;
using AkkaJwks.Keys;
using BenchmarkDotNet.Attributes;

namespace AkkaJwks.Benchmarks;

/// <summary>
/// Two ways to check that a published EC point lies on its curve: the parser's BigInteger arithmetic, and letting
/// the platform import it (OpenSSL checks the point when an <see cref="ECDsa"/> is created from parameters).
/// </summary>
[MemoryDiagnoser]
public class EcPointBenchmarks
{
    private byte[] _x = [];
    private byte[] _y = [];

    /// <summary>The curve of the point.</summary>
    [Params("P-256", "P-521")]
    public string Curve { get; set; } = "P-256";

    [GlobalSetup]
    public void Setup()
    {
        using var ec = ECDsa.Create(Curve == "P-256" ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP521);
        var q = ec.ExportParameters(false).Q;
        (_x, _y) = (q.X!, q.Y!);
    }

    /// <summary>y² = x³ - 3x + b (mod p) with System.Numerics.BigInteger, as the parser does.</summary>
    [Benchmark(Baseline = true)]
    public bool BigIntegerCheck() =>
        JwkCurve.IsOnCurve(Curve == "P-256" ? JwkKeyKind.EcP256 : JwkKeyKind.EcP521, _x, _y);

    /// <summary>ECDsa.Create(ECParameters), which refuses a point off the curve.</summary>
    [Benchmark]
    public bool ImportCheck()
    {
        var parameters = new ECParameters
        {
            Curve = Curve == "P-256" ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP521,
            Q = new ECPoint { X = _x, Y = _y },
        };
        using var ec = ECDsa.Create(parameters);
        return ec.KeySize > 0;
    }
}
