using Akka.Actor;
using Akka.Hosting;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Hosting;
using AkkaJwks.Tests.Actors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AkkaJwks.Tests.Hosting;

public sealed class AkkaJwksHostingExtensionsTests
{
    [Fact]
    public async Task WithJwks_SyncInitFetcher_StartsWithTheHostAndRegistersTheRegistry()
    {
        var client = new FakeJwksHttpClient();
        var options = JwksFetcherOptions.Create("idp", TestDocuments.Url) with { SyncInit = true, HttpClient = client };
        using var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("jwks-hosting", builder => builder.WithJwks(options)))
            .Build();

        var starting = host.StartAsync();
        (await client.NextAsync()).RespondKeys("a");
        await starting;

        var system = host.Services.GetRequiredService<ActorSystem>();
        var registry = await ActorRegistry.For(system).GetAsync<JwksRegistryKey>();
        Assert.Equal(system.Jwks().Registry, registry);
        Assert.True(system.Jwks().TryGetKey("idp", "a", out _));
        Assert.Equal(FetcherStatus.Ready, (await system.Jwks().GetStateAsync("idp")).Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task WithJwks_InvalidFetchers_FailsTheStartWithEveryProblemAtOnce()
    {
        var bad = JwksFetcherOptions.Create("a", new Uri("http://a.example/jwks"));
        var worse = JwksFetcherOptions.Create("b", new Uri("https://b.example/jwks")) with { MaxKeys = 0 };
        using var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("jwks-hosting", builder => builder.WithJwks(bad, worse)))
            .Build();

        var error = await Assert.ThrowsAsync<JwksConfigurationException>(() => host.StartAsync());

        Assert.Equal(["akka.jwks.fetchers.a.url", "akka.jwks.fetchers.b.max-keys"], error.Problems.Select(p => p.Path));
    }

    [Fact]
    public async Task WithJwks_NameGivenTwice_FailsTheStartNamingIt()
    {
        var first = JwksFetcherOptions.Create("idp", TestDocuments.Url);
        var second = JwksFetcherOptions.Create("idp", new Uri("https://other.example/jwks"));
        using var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("jwks-hosting", builder => builder.WithJwks(first, second)))
            .Build();

        var error = await Assert.ThrowsAsync<JwksConfigurationException>(() => host.StartAsync());

        var problem = Assert.Single(error.Problems);
        Assert.Equal("akka.jwks.fetchers.idp", problem.Path);
        Assert.Contains("WithJwks was given it 2 times", problem.Expected);
    }

    [Fact]
    public async Task WithJwks_NameOfAHoconFetcher_FailsTheStartAndStartsNoneOfItsFetchers()
    {
        var client = new FakeJwksHttpClient();
        var taken = JwksFetcherOptions.Create("idp", TestDocuments.Url) with { HttpClient = client };
        var free = JwksFetcherOptions.Create("free", TestDocuments.Url) with { HttpClient = client };
        using var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("jwks-hosting", builder => builder
                .AddHocon("akka.jwks.fetchers.idp.url = \"https://idp.example/jwks\"", HoconAddMode.Prepend)
                .WithJwks(free, taken)))
            .Build();

        var error = await Assert.ThrowsAsync<JwksConfigurationException>(() => host.StartAsync());

        var problem = Assert.Single(error.Problems);
        Assert.Equal("akka.jwks.fetchers.idp", problem.Path);
        Assert.Contains("already starts a fetcher of that name", problem.Expected);
        Assert.Equal(0, client.RequestCount);
    }

    [Fact]
    public async Task WithJwks_SyncInitHoconFetcher_HoldsTheStartUntilItsFirstKeys()
    {
        var client = new FakeJwksHttpClient();
        using var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("jwks-hosting", builder => builder
                .AddHocon("akka.jwks.fetchers.idp { url = \"https://idp.example/jwks\", sync-init = on }",
                    HoconAddMode.Prepend)
                .WithJwksHttpClientFactory(_ => client)
                .WithJwks()))
            .Build();

        var starting = host.StartAsync();
        var fetch = await client.NextAsync();
        var before = starting.IsCompleted;
        fetch.RespondKeys("a");
        await starting;

        Assert.False(before);
        Assert.True(host.Services.GetRequiredService<ActorSystem>().Jwks().TryGetKey("idp", "a", out _));
        await host.StopAsync();
    }
}
