using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Http;
using AkkaJwks.Tests.Actors;
using AkkaJwks.Tests.Http;
using AkkaJwks.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AkkaJwks.Tests;

/// <summary>
/// Transport rules reached through the extension: plain http refused before any client is made, and certificate
/// rules against a TLS loopback server whose self-signed certificate nothing on the machine trusts.
/// </summary>
public sealed class JwksExtensionTransportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private int _clientsMade;

    [Fact]
    public async Task Get_PlainHttpToAnotherHost_RefusedNamingTheOptionBeforeAnyClientIsMade()
    {
        var config = Akka.Configuration.ConfigurationFactory.ParseString(
            """akka.jwks.fetchers.plain { url = "http://issuer.example/jwks" }""");
        var system = ActorSystem.Create("jwks", BootstrapSetup.Create().WithConfig(config).And(CountingSetup()));
        try
        {
            var error = Assert.Throws<JwksConfigurationException>(() => system.Jwks());

            var problem = Assert.Single(error.Problems);
            Assert.Equal("akka.jwks.fetchers.plain.url", problem.Path);
            Assert.Contains("allow-insecure-http = on", problem.Expected);
            Assert.Equal(0, ClientsMade);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task StartFetcherAsync_PlainHttpToAnotherHost_RefusedNamingTheOptionBeforeAnyClientIsMade()
    {
        var system = ActorSystem.Create("jwks", BootstrapSetup.Create().And(CountingSetup()));
        try
        {
            var options = JwksFetcherOptions.Create("plain", new Uri("http://issuer.example/jwks"));

            var error = await Assert.ThrowsAsync<JwksConfigurationException>(
                () => system.Jwks().StartFetcherAsync(options, Wait));

            Assert.Contains("allow-insecure-http = on", error.Message);
            Assert.Equal(0, ClientsMade);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task StartFetcherAsync_SelfSignedByDefault_FailsAsTlsAndNoRequestArrives()
    {
        await using var server = await ServeAsync();
        var system = ActorSystem.Create("jwks");
        try
        {
            var options = Options(system, server) with { SyncInit = true };

            var failure = await Assert.ThrowsAsync<KeysNotReadyException>(
                () => system.Jwks().StartFetcherAsync(options, Wait));

            var fetch = Assert.IsType<JwksFetchException>(failure.InnerException);
            Assert.Equal(FetchFailureKind.Tls, fetch.Kind);
            Assert.Contains("the chain failed", fetch.Message);
            Assert.Equal(0, server.RequestCount);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task StartFetcherAsync_ServerCertificateValidationTrustsIt_GetsTheKeys()
    {
        var trusted = SelfSignedCertificate.ForLoopback;
        await using var server = await ServeAsync();
        var system = ActorSystem.Create("jwks");
        try
        {
            var options = Options(system, server) with
            {
                SyncInit = true,
                ServerCertificateValidation = (certificate, _, _) =>
                    certificate.RawDataMemory.Span.SequenceEqual(trusted.RawData),
            };

            await system.Jwks().StartFetcherAsync(options, Wait);

            Assert.True(system.Jwks().TryGetKey("tls", "tls-key", out _));
            Assert.Equal(1, server.RequestCount);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task StartFetcherAsync_ServerCertificateValidationRefuses_FailsAsTlsNamingTheCallback()
    {
        await using var server = await ServeAsync();
        var system = ActorSystem.Create("jwks");
        try
        {
            var options = Options(system, server) with
            {
                SyncInit = true,
                ServerCertificateValidation = (_, _, _) => false,
            };

            var failure = await Assert.ThrowsAsync<KeysNotReadyException>(
                () => system.Jwks().StartFetcherAsync(options, Wait));

            Assert.Contains("custom certificate validation refused it", failure.InnerException!.Message);
            Assert.Equal(0, server.RequestCount);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task HoconFetcher_PinnedSpkiSha256_GetsTheKeys()
    {
        await using var server = await ServeAsync();
        var pin = JwksSpkiPin.Compute(SelfSignedCertificate.ForLoopback);
        var system = ActorSystem.Create("jwks", $$"""
            akka.jwks.fetchers.tls { url = "{{server.Url()}}", pinned-spki-sha256 = ["{{pin}}"] }
            """);
        try
        {
            var keys = await system.Jwks().GetKeysAsync("tls", Wait);

            Assert.Equal(["tls-key"], keys.Keys.Select(key => key.Kid));
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task HoconFetcher_WrongPin_FailsAsTlsNamingThePin()
    {
        await using var server = await ServeAsync();
        var wrong = Convert.ToBase64String(new byte[32]);
        var system = ActorSystem.Create("jwks", $$"""
            akka.jwks.fetchers.tls { url = "{{server.Url()}}", pinned-spki-sha256 = ["{{wrong}}"] }
            """);
        try
        {
            var failure = await Assert.ThrowsAsync<KeysNotReadyException>(
                () => system.Jwks().GetKeysAsync("tls", Wait).AsTask());

            Assert.Contains("the pin failed", failure.InnerException!.Message);
            Assert.Equal(0, server.RequestCount);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private int ClientsMade => Volatile.Read(ref _clientsMade);

    // A factory that counts: no client may be made, so no network access can happen, for a refused URL.
    private JwksSetup CountingSetup() => new()
    {
        HttpClientFactory = _ =>
        {
            Interlocked.Increment(ref _clientsMade);
            throw new InvalidOperationException("no client may be made for a refused URL");
        },
    };

    private static JwksFetcherOptions Options(ActorSystem system, LoopbackServer server) =>
        system.Jwks().Settings.CreateFetcherOptions("tls", server.Url()) with { TransientRetries = 0 };

    private static Task<LoopbackServer> ServeAsync() => LoopbackServer.StartAsync(context =>
    {
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(TestDocuments.Jwks("tls-key")).AsTask();
    }, SelfSignedCertificate.ForLoopback);
}
