using System.Text;
using AkkaJwks.Keys;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.Tokens;

namespace AkkaJwks.Benchmarks;

/// <summary>
/// <see cref="JwksParser.Parse"/> against <see cref="JsonWebKeySet.Create(string)"/> on the same 10-key Entra ID
/// document (RSA-2048 keys with x5c). Our parser does more per key (checks the document is UTF-8, decodes n and e,
/// applies the RSA rules, decodes the x5c certificate and checks it holds the key); the thumbprint and the kid
/// index wait for their first use, as they do in a fetcher. Nothing is cached between calls.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ParseBenchmarks
{
    private const string CorpusFile = "real/entra-common-v2-keys-2022-11.json";

    private byte[] _utf8 = [];
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = CorpusDocument.Read(CorpusFile);
        _text = Encoding.UTF8.GetString(_utf8);
        var result = JwksParser.Parse(_utf8, CorpusFile, DateTimeOffset.UnixEpoch, 500);
        if (!result.IsJwks || result.Jwks.Keys.Length != 10)
        {
            throw new InvalidOperationException($"{CorpusFile} should give 10 keys; the benchmark compares nothing");
        }
    }

    /// <summary>Our parser, from the UTF-8 bytes as they come off the wire.</summary>
    [Benchmark(Baseline = true)]
    public Jwks? ParseAkkaJwks() => JwksParser.Parse(_utf8, CorpusFile, DateTimeOffset.UnixEpoch, 500).Jwks;

    /// <summary>
    /// Our parser plus the first look-up, which builds the frozen kid index (parsing defers it); what a fetcher
    /// pays for a new set before its first answer.
    /// </summary>
    [Benchmark]
    public Jwk? ParseAkkaJwksAndFirstLookup()
    {
        var jwks = JwksParser.Parse(_utf8, CorpusFile, DateTimeOffset.UnixEpoch, 500).Jwks!;
        jwks.TryGetKey("bW8ZcMjBCnJZS-ibX5UQDNStvx4", out var key);
        return key;
    }

    /// <summary>Microsoft.IdentityModel.Tokens 8, from the string it requires.</summary>
    [Benchmark]
    public JsonWebKeySet ParseIdentityModel() => JsonWebKeySet.Create(_text);
}
