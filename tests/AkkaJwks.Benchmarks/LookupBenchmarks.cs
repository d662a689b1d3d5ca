using System.Text;
using Akka.Actor;
using AkkaJwks.Configuration;
using AkkaJwks.Keys;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AkkaJwks.Benchmarks;

/// <summary>
/// The hot look-up of a key by kid: <see cref="JwksExtension.TryGetKey(string, string, out Jwk)"/> and its
/// variants, against IdentityModel's <see cref="ConfigurationManager{T}"/> cached
/// <c>GetConfigurationAsync</c> plus a kid scan of <c>SigningKeys</c>. Both hold the keys of the same 10-key
/// Entra ID document; the kid looked up is the fifth of ten, and it is found. Nothing is fetched while measuring.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class LookupBenchmarks
{
    private const string CorpusFile = "real/entra-common-v2-keys-2022-11.json";
    private const string Name = "entra";
    private const string Kid = "2ZQpJ3UpbjAYXYGaXEJl8lV0TOI";
    private const string Alg = "RS256";

    private ActorSystem? _system;
    private JwksExtension? _jwks;
    private JwksSource? _source;
    private ConfigurationManager<OpenIdConnectConfiguration>? _manager;

    [GlobalSetup]
    public void Setup()
    {
        var utf8 = CorpusDocument.Read(CorpusFile);
        _system = ActorSystem.Create("bench", "akka.loglevel = WARNING");
        _jwks = _system.Jwks();
        var url = new Uri("https://login.example/common/discovery/v2.0/keys");
        _jwks.StartFetcherAsync(JwksFetcherOptions.Create(Name, url) with
        {
            SyncInit = true,
            HttpClient = new InMemoryJwksHttpClient(utf8),
        }).GetAwaiter().GetResult();
        _source = _jwks.GetSource(Name);

        var configuration = new OpenIdConnectConfiguration
        {
            JsonWebKeySet = JsonWebKeySet.Create(Encoding.UTF8.GetString(utf8)),
        };
        foreach (var key in configuration.JsonWebKeySet.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }

        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            "https://login.example/common/v2.0/.well-known/openid-configuration",
            new InMemoryConfigurationRetriever(configuration),
            new HttpDocumentRetriever());
        if (IdentityModelScan().GetAwaiter().GetResult() is null || TryGetKey() is null || TryGetKeyAlg() is null
            || SourceTryGetKey() is null || SourceTryGetKeyAlg() is null)
        {
            throw new InvalidOperationException($"kid {Kid} should be found by every look-up; nothing is compared");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _system?.Terminate().GetAwaiter().GetResult();

    /// <summary>IdentityModel: the cached configuration, then the first signing key with the kid.</summary>
    [Benchmark(Baseline = true)]
    public async Task<SecurityKey?> IdentityModelScan()
    {
        var configuration = await _manager!.GetConfigurationAsync(CancellationToken.None);
        foreach (var key in configuration.SigningKeys)
        {
            if (key.KeyId == Kid)
            {
                return key;
            }
        }

        return null;
    }

    /// <summary><c>TryGetKey(name, kid)</c> on the extension.</summary>
    [Benchmark]
    public Jwk? TryGetKey() => _jwks!.TryGetKey(Name, Kid, out var key) ? key : null;

    /// <summary><c>TryGetKey(name, kid, alg)</c> on the extension: the signing key that may verify RS256.</summary>
    [Benchmark]
    public Jwk? TryGetKeyAlg() => _jwks!.TryGetKey(Name, Kid, Alg, out var key) ? key : null;

    /// <summary><c>TryGetKey(kid)</c> on a held <see cref="JwksSource"/> (no name look-up).</summary>
    [Benchmark]
    public Jwk? SourceTryGetKey() => _source!.TryGetKey(Kid, out var key) ? key : null;

    /// <summary><c>TryGetKey(kid, alg)</c> on a held <see cref="JwksSource"/>.</summary>
    [Benchmark]
    public Jwk? SourceTryGetKeyAlg() => _source!.TryGetKey(Kid, Alg, out var key) ? key : null;

    private sealed class InMemoryConfigurationRetriever(OpenIdConnectConfiguration configuration)
        : IConfigurationRetriever<OpenIdConnectConfiguration>
    {
        public Task<OpenIdConnectConfiguration> GetConfigurationAsync(
            string address, IDocumentRetriever retriever, CancellationToken cancel) => Task.FromResult(configuration);
    }
}
