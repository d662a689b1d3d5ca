using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Http;
using AkkaJwks.Keys;
using AkkaJwks.Tests.Actors;
using AkkaJwks.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AkkaJwks.Tests;

public sealed class JwksExtensionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Get_HoconFetcher_StartsItAndAskByNameGetsTheKeysOverLoopback()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(TestDocuments.Jwks("k1", "k2")).AsTask();
        });
        var system = ActorSystem.Create("jwks", $$"""
            akka.jwks.fetchers.local { url = "{{server.Url()}}" }
            """);
        try
        {
            var registry = system.Jwks().Registry;

            var keys = await registry.Ask<Jwks>(new GetKeys("local"), Wait);

            Assert.Equal(["k1", "k2"], keys.Keys.Select(k => k.Kid));
            Assert.Equal(1, server.RequestCount);
            Assert.True(system.Jwks().TryGetKey("local", "k2", out var k2));
            Assert.Equal("k2", k2.Kid);
            Assert.True(system.Jwks().TryGetKey("local", "k1", "ES256", out _));
            Assert.False(system.Jwks().TryGetKey("local", "k1", "RS256", out _));
            Assert.Equal("k1", (await system.Jwks().GetKeyAsync("local", "k1")).Kid);
            Assert.Equal(FetcherStatus.Ready, (await system.Jwks().GetStateAsync("local")).Status);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task AsyncCalls_Failure_SurfaceAsTheirSpecificException()
    {
        var system = ActorSystem.Create("jwks");
        try
        {
            var jwks = system.Jwks();

            var notFound = await Assert.ThrowsAsync<FetcherNotFoundException>(() => jwks.GetStateAsync("nope"));
            await Assert.ThrowsAsync<FetcherNotFoundException>(() => jwks.GetKeysAsync("nope").AsTask());
            await Assert.ThrowsAsync<FetcherNotFoundException>(() => jwks.ResolveAsync("nope"));
            var invalid = JwksFetcherOptions.Create("x", new Uri("http://x.example/jwks"));
            await Assert.ThrowsAsync<JwksConfigurationException>(() => jwks.StartFetcherAsync(invalid));

            Assert.Equal("nope", notFound.Name);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task StartFetcherAsync_SyncInitOverLoopback_HasTheKeysWhenItCompletes()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(TestDocuments.Jwks("k1")).AsTask();
        });
        var system = ActorSystem.Create("jwks");
        try
        {
            var options = JwksFetcherOptions.Create("local", server.Url()) with { SyncInit = true };

            var started = await system.Jwks().StartFetcherAsync(options);

            Assert.Equal("local", started.Name);
            Assert.True(system.Jwks().TryGetKey("local", "k1", out _));
            Assert.Equal(started.Fetcher, await system.Jwks().ResolveAsync("local"));
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task StartFetcherAsync_SyncInitAgainstFailingEndpoint_ThrowsTheFetchFailure()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        var system = ActorSystem.Create("jwks");
        try
        {
            var options = JwksFetcherOptions.Create("local", server.Url()) with
            {
                SyncInit = true,
                StopOnSyncInitFailure = true,
                TransientRetries = 0,
            };

            var error = await Assert.ThrowsAsync<KeysNotReadyException>(() => system.Jwks().StartFetcherAsync(options));

            Assert.Equal(FetchFailureKind.HttpStatus, Assert.IsType<JwksFetchException>(error.InnerException).Kind);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task StartFetcherAsync_SyncInitWithCodeClient_AnswersAfterTheFirstFetch()
    {
        var client = new FakeJwksHttpClient();
        var system = ActorSystem.Create("jwks");
        try
        {
            var jwks = system.Jwks();
            var options = JwksFetcherOptions.Create("code", TestDocuments.Url) with
            {
                SyncInit = true,
                HttpClient = client,
            };

            var starting = jwks.StartFetcherAsync(options);
            Assert.False(starting.IsCompleted);
            (await client.NextAsync()).RespondKeys("a");
            var started = await starting;

            Assert.Equal("code", started.Name);
            Assert.True(jwks.TryGetKeys("code", out var keys));
            Assert.Equal("a", Assert.Single(keys.Keys).Kid);
            Assert.Same(keys, jwks.GetSource("code").Current);
            await jwks.StopFetcherAsync("code");
            Assert.False(jwks.TryGetKeys("code", out _));
            Assert.Null(jwks.GetSource("code").Current);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task TryGetKey_ManyCalls_AllocatesNothing()
    {
        var client = new FakeJwksHttpClient();
        var system = ActorSystem.Create("jwks");
        try
        {
            var jwks = system.Jwks();
            var starting = jwks.StartFetcherAsync(JwksFetcherOptions.Create("hot", TestDocuments.Url) with
            {
                SyncInit = true,
                HttpClient = client,
            });
            (await client.NextAsync()).RespondKeys("a", "b", "c");
            await starting;
            var source = jwks.GetSource("hot");
            Warm(jwks, source);

            var before = GC.GetAllocatedBytesForCurrentThread();
            var found = Warm(jwks, source);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(40_000, found);
            Assert.Equal(0, allocated);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static int Warm(JwksExtension jwks, JwksSource source)
    {
        var found = 0;
        for (var i = 0; i < 10_000; i++)
        {
            found += jwks.TryGetKey("hot", "b", out _) ? 1 : 0;
            found += jwks.TryGetKey("hot", "c", "ES256", out _) ? 1 : 0;
            found += source.TryGetKey("a", out _) ? 1 : 0;
            found += jwks.TryGetKeys("hot", out _) ? 1 : 0;
            found += jwks.TryGetKey("hot", "missing", out _) ? 0 : 0;
        }

        return found;
    }
}
