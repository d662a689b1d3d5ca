using Akka.Actor;
using Akka.Event;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Keys;
using AkkaJwks.Tests.Actors;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests;

/// <summary>
/// Coordinated shutdown with a fetch in flight and look-ups waiting on it: the fetch is cancelled, every waiting ask is
/// answered, and the shutdown makes no dead letters, warnings or errors.
/// </summary>
public sealed class JwksExtensionShutdownTests : VirtualTimeTestKit
{
    [Fact]
    public async Task CoordinatedShutdown_FetchInFlightWithWaiters_CancelsAnswersAndStaysQuiet()
    {
        var jwks = Sys.Jwks();
        var (client, _) = await jwks.StartReadyAsync("idp", "a");
        var first = new FakeJwksHttpClient();
        await jwks.StartFetcherAsync(
            JwksFetcherOptions.Create("slow", TestDocuments.Url) with { HttpClient = first }, Wait);
        var hanging = await first.NextAsync();
        var keys = jwks.Registry.Ask<Jwks>(new GetKeys("slow"), Wait);
        var miss = jwks.Registry.Ask<Jwk>(new GetKey("idp", "rotated"), Wait);
        var refresh = await client.NextAsync();
        await jwks.GetStateAsync("slow", Wait);
        await jwks.GetStateAsync("idp", Wait);
        var noise = CreateTestProbe();
        Sys.EventStream.Subscribe(noise, typeof(DeadLetter));
        Sys.EventStream.Subscribe(noise, typeof(Error));
        Sys.EventStream.Subscribe(noise, typeof(Warning));
        Sys.EventStream.Subscribe(noise, typeof(UnhandledMessage));

        await CoordinatedShutdown.Get(Sys).Run(CoordinatedShutdown.ClrExitReason.Instance).WaitAsync(Wait);
        var notReady = await Assert.ThrowsAsync<KeysNotReadyException>(() => keys);
        var notFound = await Assert.ThrowsAsync<JwkNotFoundException>(() => miss);

        Assert.True(hanging.Token.IsCancellationRequested);
        Assert.True(refresh.Token.IsCancellationRequested);
        Assert.Contains("stopped", notReady.Message);
        Assert.Contains("stopped", notFound.Message);
        Assert.False(noise.HasMessages, $"the shutdown made noise: {(noise.HasMessages ? noise.ReceiveOne() : null)}");
    }
}
