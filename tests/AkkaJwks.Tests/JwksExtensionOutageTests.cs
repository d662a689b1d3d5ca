using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Configuration;
using AkkaJwks.Http;
using AkkaJwks.Telemetry;
using AkkaJwks.Tests.Support;
using Microsoft.AspNetCore.Http;
using static AkkaJwks.Tests.Support.FaultyIdentityProvider;

namespace AkkaJwks.Tests;

/// <summary>
/// A real fetcher, started through the extension with a real HTTP client, against an identity provider on loopback
/// that fails in every way it can and then recovers with rotated keys. The rhythm runs in virtual time.
/// </summary>
public sealed class JwksExtensionOutageTests : VirtualTimeTestKit
{
    [Fact]
    public async Task TryGetKey_OutageOfEveryFaultThenRotation_OldKeysServedBackoffFollowedNewKeysPickedUp()
    {
        await using var idp = await StartAsync(
            Serve("old"), Answer(429, retryAfterSeconds: 5), Answer(500), Reset, Html, Truncated,
            Serve(), Serve("new"));
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events, typeof(JwksFetchFailed));
        Sys.EventStream.Subscribe(events, typeof(JwksFetchSucceeded));
        var changes = CreateTestProbe();
        Sys.EventStream.Subscribe(changes, typeof(JwksKeysChanged));
        var jwks = Sys.Jwks();
        await jwks.StartFetcherAsync(Options(idp) with { SyncInit = true, HttpClient = idp.Client });
        await events.ExpectMsgAsync<JwksFetchSucceeded>(Wait);
        await changes.ExpectMsgAsync<JwksKeysChanged>(Wait);

        var failures = new List<JwksFetchFailed>();
        var servedAll = true;
        var due = TimeSpan.FromMinutes(1);
        for (var attempt = 0; attempt < 6; attempt++)
        {
            Clock.Advance(due - TimeSpan.FromMilliseconds(1));
            var early = idp.RequestCount;
            Clock.Advance(TimeSpan.FromMilliseconds(1));
            var failure = await events.ExpectMsgAsync<JwksFetchFailed>(Wait);
            Assert.Equal(attempt + 1, early);
            failures.Add(failure);
            servedAll &= jwks.TryGetKey("idp", "old", out _) && (await jwks.GetKeyAsync("idp", "old")).Kid == "old";
            due = failure.NextAttemptIn;
        }

        Clock.Advance(due);
        await events.ExpectMsgAsync<JwksFetchSucceeded>(Wait);
        var changed = await changes.ExpectMsgAsync<JwksKeysChanged>(Wait);
        var state = await jwks.GetStateAsync("idp");

        Assert.True(servedAll, "the old key was served after every failure");
        Assert.Equal(
            [FetchFailureKind.HttpStatus, FetchFailureKind.HttpStatus, FetchFailureKind.ConnectionReset,
                FetchFailureKind.NotJson, FetchFailureKind.Truncated, FetchFailureKind.NoUsableKeys],
            failures.Select(f => f.Reason));
        Assert.Contains("429", failures[0].Message);
        Assert.Contains("500", failures[1].Message);
        Assert.Equal([1, 2, 3, 4, 5, 6], failures.Select(f => f.FailuresInRow));
        Assert.Equal([5, 2, 4, 8, 8, 8], failures.Select(f => f.NextAttemptIn.TotalSeconds));
        Assert.Equal(["new"], changed.Added);
        Assert.Equal(["old"], changed.Removed);
        Assert.True(jwks.TryGetKey("idp", "new", out _));
        Assert.False(jwks.TryGetKey("idp", "old", out _));
        Assert.Equal(FetcherStatus.Ready, state.Status);
        Assert.Equal(TimeSpan.FromMinutes(1), state.NextFetchDue - Clock.Now);
        Assert.Equal(8, idp.RequestCount);
    }

    [Fact]
    public async Task StartFetcherAsync_IdentityProviderDown_StartsWithoutKeysAndPicksThemUpOnRecovery()
    {
        await using var idp = await StartAsync(Answer(503), Reset, Serve("a"));
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events, typeof(JwksFetchFailed));
        Sys.EventStream.Subscribe(events, typeof(JwksFetchSucceeded));
        var jwks = Sys.Jwks();

        await jwks.StartFetcherAsync(Options(idp));
        var first = await events.ExpectMsgAsync<JwksFetchFailed>(Wait);
        var before = jwks.TryGetKey("idp", "a", out _);
        var notReady = await Assert.ThrowsAsync<KeysNotReadyException>(() => jwks.GetKeysAsync("idp").AsTask());
        Clock.Advance(first.NextAttemptIn);
        var second = await events.ExpectMsgAsync<JwksFetchFailed>(Wait);
        Clock.Advance(second.NextAttemptIn);
        await events.ExpectMsgAsync<JwksFetchSucceeded>(Wait);

        Assert.False(before);
        Assert.Equal(FetchFailureKind.HttpStatus, Assert.IsType<JwksFetchException>(notReady.InnerException).Kind);
        Assert.Equal(FetchFailureKind.ConnectionReset, second.Reason);
        Assert.True(jwks.TryGetKey("idp", "a", out _));
        Assert.Equal(3, idp.RequestCount);
    }

    [Fact]
    public async Task StartFetcherAsync_SyncInitWhileTheProviderResets_FailsWithTheReason()
    {
        await using var idp = await StartAsync(Reset);

        var error = await Assert.ThrowsAsync<KeysNotReadyException>(() => Sys.Jwks().StartFetcherAsync(
            Options(idp) with { SyncInit = true, StopOnSyncInitFailure = true }));

        Assert.Equal(FetchFailureKind.ConnectionReset, Assert.IsType<JwksFetchException>(error.InnerException).Kind);
        Assert.Contains("ConnectionReset", error.Message);
    }

    [Fact]
    public async Task StopFetcherAsync_RequestInFlight_AbortsItAtTheServerAndLeavesNoTimers()
    {
        await using var idp = await StartAsync(Hang);
        var jwks = Sys.Jwks();
        await jwks.StartFetcherAsync(Hanging(idp));
        await idp.Hanging.WaitAsync(Wait);

        await jwks.StopFetcherAsync("idp");
        await idp.Aborted.WaitAsync(Wait);
        Clock.Advance(TimeSpan.FromDays(1));
        await Assert.ThrowsAsync<FetcherNotFoundException>(() => jwks.GetStateAsync("idp"));

        Assert.Equal(1, idp.RequestCount);
    }

    [Fact]
    public async Task CoordinatedShutdown_RequestInFlight_AbortsItAtTheServer()
    {
        await using var idp = await StartAsync(Hang);
        await Sys.Jwks().StartFetcherAsync(Hanging(idp));
        await idp.Hanging.WaitAsync(Wait);

        await CoordinatedShutdown.Get(Sys).Run(CoordinatedShutdown.ClrExitReason.Instance).WaitAsync(Wait);
        await idp.Aborted.WaitAsync(Wait);

        Assert.Equal(1, idp.RequestCount);
    }

    /// <summary>
    /// Short intervals, no jitter, one request per attempt: the server's count is the rhythm's. The request timeout
    /// runs on the wall clock, so it is one no loaded machine runs out of.
    /// </summary>
    private static JwksFetcherOptions Options(FaultyIdentityProvider idp) =>
        JwksFetcherOptions.Create("idp", idp.Url) with
        {
            RefreshInterval = TimeSpan.FromMinutes(1),
            RefreshJitter = 0,
            RetryInterval = TimeSpan.FromSeconds(1),
            MaxRetryInterval = TimeSpan.FromSeconds(8),
            TransientRetries = 0,
            RequestTimeout = TimeSpan.FromMinutes(1),
        };

    /// <summary>
    /// A client the caller owns (not disposed with the fetcher) and a budget far beyond the test's patience: only
    /// the fetcher's own cancellation can end the request.
    /// </summary>
    private static JwksFetcherOptions Hanging(FaultyIdentityProvider idp) =>
        Options(idp) with { HttpClient = idp.Client, RequestTimeout = TimeSpan.FromHours(1) };
}
