using Akka.Actor;
using Akka.Actor.Setup;
using AkkaJwks.Actors;
using AkkaJwks.Http;
using AkkaJwks.Tests.Actors;

namespace AkkaJwks.Tests;

public sealed class JwksExtensionWhenReadyTests : IAsyncLifetime
{
    private readonly FakeJwksHttpClient _client = new();
    private ActorSystem? _system;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.Terminate();
        }
    }

    [Fact]
    public async Task WhenReadyAsync_SyncInitHoconFetcher_CompletesOnceItsFirstKeysCame()
    {
        var jwks = Start("""
            akka.jwks.fetchers {
              held { url = "https://held.example/jwks", sync-init = on }
              free { url = "https://free.example/jwks" }
            }
            """);

        var ready = jwks.WhenReadyAsync();
        var (held, free) = await TwoRequestsAsync("held");
        free.RespondKeys("f");
        await jwks.GetKeysAsync("free");
        var before = ready.IsCompleted;
        held.RespondKeys("h");
        await ready;

        Assert.False(before);
        Assert.True(jwks.TryGetKey("held", "h", out _));
    }

    [Fact]
    public async Task WhenReadyAsync_SyncInitFirstFetchFails_ThrowsNamingTheFetcherAndWhy()
    {
        var jwks = Start("""akka.jwks.fetchers.held { url = "https://held.example/jwks", sync-init = on }""");

        var ready = jwks.WhenReadyAsync();
        (await _client.NextAsync()).Fail(FetchFailureKind.ConnectionRefused);
        var error = await Assert.ThrowsAsync<KeysNotReadyException>(() => ready);

        Assert.Equal("held", error.Name);
        Assert.Contains("ConnectionRefused", error.ToString());
    }

    [Fact]
    public async Task WhenReadyAsync_StopOnSyncInitFailureStoppedIt_ThrowsSayingSo()
    {
        var jwks = Start("""
            akka.jwks.fetchers.held {
              url = "https://held.example/jwks", sync-init = on, stop-on-sync-init-failure = on
            }
            """);

        (await _client.NextAsync()).Fail(FetchFailureKind.Dns);
        await AwaitStoppedAsync(jwks, "held");
        var error = await Assert.ThrowsAsync<KeysNotReadyException>(() => jwks.WhenReadyAsync());

        Assert.Equal("held", error.Name);
        Assert.Contains("stop-on-sync-init-failure stopped it", error.Message);
    }

    [Fact]
    public async Task WhenReadyAsync_TwoSyncInitFetchersFail_ThrowsBoth()
    {
        var jwks = Start("""
            akka.jwks.fetchers {
              one { url = "https://one.example/jwks", sync-init = on }
              two { url = "https://two.example/jwks", sync-init = on }
            }
            """);

        var ready = jwks.WhenReadyAsync();
        (await _client.NextAsync()).Fail(FetchFailureKind.Timeout);
        (await _client.NextAsync()).Fail(FetchFailureKind.Timeout);
        var error = await Assert.ThrowsAsync<AggregateException>(() => ready);

        Assert.Equal(["one", "two"], error.InnerExceptions.Cast<KeysNotReadyException>().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task WhenReadyAsync_NoSyncInitFetcher_CompletesWithoutWaitingForAFetch()
    {
        var jwks = Start("""akka.jwks.fetchers.free { url = "https://free.example/jwks" }""");

        await jwks.WhenReadyAsync();

        Assert.False(jwks.TryGetKeys("free", out _));
    }

    private JwksExtension Start(string hocon)
    {
        var setup = new JwksSetup { HttpClientFactory = _ => _client };
        _system = ActorSystem.Create("jwks", BootstrapSetup.Create().WithConfig(hocon).And(setup));
        return _system.Jwks();
    }

    /// <summary>The first requests of two fetchers, the one to <paramref name="host"/> first.</summary>
    private async Task<(PendingFetch Host, PendingFetch Other)> TwoRequestsAsync(string host)
    {
        var first = await _client.NextAsync();
        var second = await _client.NextAsync();
        return first.Request.Url.Host.StartsWith(host, StringComparison.Ordinal) ? (first, second) : (second, first);
    }

    private static async Task AwaitStoppedAsync(JwksExtension jwks, string name)
    {
        // The registry forgets a fetcher that stops on its failed sync-init start as it answers that start (which
        // nobody asked for here): each round trip to the registry is a chance for that answer to have been given.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            patience.Token.ThrowIfCancellationRequested();
            try
            {
                await jwks.ResolveAsync(name);
            }
            catch (FetcherNotFoundException)
            {
                return;
            }

            await Task.Yield();
        }
    }
}
