using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Http;
using AkkaJwks.Keys;

namespace AkkaJwks.Tests.Actors;

public class JwksFetcherActorKeysTests : FetcherTestKit
{
    [Fact]
    public async Task GetKeys_BeforeTheFirstFetch_AnsweredWhenItSucceeds()
    {
        var fetcher = StartFetcher();
        var fetch = await Client.NextAsync();

        var pending = fetcher.Ask<Jwks>(new GetKeys("idp"), AskTimeout);
        await StateAsync(fetcher);
        var answeredEarly = pending.IsCompleted;
        fetch.RespondKeys("a", "b");
        var keys = await pending;

        Assert.False(answeredEarly);
        Assert.Equal(["a", "b"], keys.Keys.Select(key => key.Kid));
        Assert.True(Snapshots.TryGet("idp", out var published));
        Assert.Same(keys, published);
    }

    [Fact]
    public async Task GetKeys_FirstFetchFailed_KeysNotReadyWithTheReason()
    {
        var fetcher = StartFetcher();
        var pending = fetcher.Ask<Jwks>(new GetKeys("idp"), AskTimeout);

        await FailAsync(FetchFailureKind.Dns);
        var error = await Assert.ThrowsAsync<KeysNotReadyException>(() => pending);
        var later = await Assert.ThrowsAsync<KeysNotReadyException>(
            () => fetcher.Ask<Jwks>(new GetKeys("idp"), AskTimeout));

        Assert.Contains("Dns", error.Message);
        Assert.Contains("test failure Dns", error.Message);
        Assert.Contains("next attempt is due", later.Message);
        Assert.IsType<JwksFetchException>(error.InnerException);
    }

    [Fact]
    public async Task Failure_AfterASuccess_KeepsTheKeysAndSaysFailing()
    {
        var fetcher = await StartReadyAsync("a");
        await AdvanceAsync(fetcher, TimeSpan.FromMinutes(15));

        await FailAsync(FetchFailureKind.HttpStatus);
        var state = await StateAsync(fetcher);
        var keys = await fetcher.Ask<Jwks>(new GetKeys("idp"), AskTimeout);

        Assert.Equal(FetcherStatus.Failing, state.Status);
        Assert.Equal(FetchFailureKind.HttpStatus, state.LastErrorKind);
        Assert.Equal(1, state.FailuresInRow);
        Assert.Equal("a", Assert.Single(keys.Keys).Kid);
        Assert.True(Snapshots.TryGet("idp", out var published) && published.TryGetKey("a", out _));
    }

    [Theory]
    [InlineData("""{"keys":[]}""")]
    [InlineData("""{"keys":[{"kty":"oct","kid":"secret","k":"c2VjcmV0"}]}""")]
    public async Task EmptyOrAllRefusedSet_DoesNotReplaceAGoodSet(string document)
    {
        var fetcher = await StartReadyAsync("a");
        await fetcher.Ask<RefreshAccepted>(new Refresh("idp"), AskTimeout);

        await AnswerAsync(fetch => fetch.Respond(TestDocuments.Ok(TestDocuments.Raw(document))));
        var state = await StateAsync(fetcher);

        Assert.Equal(FetchFailureKind.NoUsableKeys, state.LastErrorKind);
        Assert.Equal("a", Assert.Single(state.Keys!.Keys).Kid);
        Assert.True(Snapshots.TryGet("idp", out var published) && published.TryGetKey("a", out _));
    }

    [Theory]
    [InlineData("<html>sign in</html>", FetchFailureKind.NotJson)]
    [InlineData("""{"issuer":"x"}""", FetchFailureKind.NotJwks)]
    public async Task NotAJwks_FailsWithTheKind(string document, FetchFailureKind kind)
    {
        var fetcher = StartFetcher();

        await AnswerAsync(fetch => fetch.Respond(TestDocuments.Ok(TestDocuments.Raw(document))));
        var state = await StateAsync(fetcher);

        Assert.Equal(kind, state.LastErrorKind);
        Assert.Equal(FetcherStatus.Failing, state.Status);
        Assert.Null(state.Keys);
    }

    [Fact]
    public async Task NotModified_KeepsTheKeysAndSendsTheValidators()
    {
        var fetcher = StartFetcher();
        await AnswerAsync(fetch => fetch.Respond(
            TestDocuments.Ok(TestDocuments.Jwks("a")) with { ETag = "\"v1\"", MaxAge = TimeSpan.FromMinutes(5) }));
        var before = await StateAsync(fetcher);
        await AdvanceAsync(fetcher, TimeSpan.FromMinutes(5));

        var conditional = await AnswerAsync(fetch => fetch.Respond(TestDocuments.NotModified("\"v2\"")));
        var after = await StateAsync(fetcher);

        Assert.Equal("\"v1\"", conditional.Request.IfNoneMatch);
        Assert.Equal(FetcherStatus.Ready, after.Status);
        Assert.Equal("\"v2\"", after.ETag);
        Assert.Equal(before.Keys!.Keys, after.Keys!.Keys);
        Assert.Equal(Clock.Now, after.LastSuccess);
        Assert.Equal(TimeSpan.FromMinutes(15), after.NextFetchDue - Clock.Now);
    }

    [Theory]
    [InlineData(300, false, 300)]
    [InlineData(5, false, 60)]
    [InlineData(86400, false, 900)]
    [InlineData(600, true, 60)]
    public async Task CacheControl_SchedulesTheNextRefreshClamped(int maxAge, bool noCache, int seconds)
    {
        var fetcher = StartFetcher();

        await AnswerAsync(fetch => fetch.Respond(TestDocuments.Ok(TestDocuments.Jwks("a")) with
        {
            MaxAge = TimeSpan.FromSeconds(maxAge),
            NoCache = noCache,
        }));
        var state = await StateAsync(fetcher);

        Assert.Equal(TimeSpan.FromSeconds(seconds), state.NextFetchDue - Clock.Now);
    }

    [Fact]
    public async Task CacheControl_NoCache_DoesNotLoop()
    {
        var fetcher = StartFetcher();
        var noCache = TestDocuments.Ok(TestDocuments.Jwks("a")) with { NoCache = true };
        await AnswerAsync(fetch => fetch.Respond(noCache));

        for (var second = 0; second < 600; second += 10)
        {
            await AdvanceAsync(fetcher, TimeSpan.FromSeconds(10));
            while (Client.HasPending)
            {
                await AnswerAsync(fetch => fetch.Respond(noCache));
            }
        }

        Assert.Equal(11, Client.RequestCount);
    }

    [Fact]
    public async Task AwaitFirstFetch_Success_FirstFetchCompleted()
    {
        var fetcher = StartFetcher();
        var pending = fetcher.Ask<FirstFetchCompleted>(JwksFetcherActor.AwaitFirstFetch.Instance, AskTimeout);

        await SucceedAsync("a");
        var completed = await pending;

        Assert.Equal("idp", completed.Name);
        Assert.True(completed.Keys.TryGetKey("a", out _));
    }

    [Fact]
    public async Task AwaitFirstFetch_FailureWithStopOnSyncInitFailure_AnswersTheReasonAndStops()
    {
        var fetcher = StartFetcher(TestOptions() with { SyncInit = true, StopOnSyncInitFailure = true });
        var watcher = CreateTestProbe();
        watcher.Watch(fetcher);
        var pending = fetcher.Ask<FirstFetchCompleted>(JwksFetcherActor.AwaitFirstFetch.Instance, AskTimeout);

        // The fetcher stops itself here, so no barrier ask after the outcome (FailAsync's) could be answered.
        (await Client.NextAsync()).Fail(FetchFailureKind.Tls);
        var error = await Assert.ThrowsAsync<KeysNotReadyException>(() => pending);

        Assert.Equal(FetchFailureKind.Tls, Assert.IsType<JwksFetchException>(error.InnerException).Kind);
        await watcher.ExpectTerminatedAsync(fetcher);
    }

    [Fact]
    public async Task AwaitFirstFetch_ArrivesAfterTheFailureWithStopOnSyncInitFailure_AnswersTheReasonAndStops()
    {
        var fetcher = StartFetcher(TestOptions() with { SyncInit = true, StopOnSyncInitFailure = true });
        var watcher = CreateTestProbe();
        watcher.Watch(fetcher);

        await FailAsync(FetchFailureKind.ConnectionReset);
        var stoppedEarly = watcher.HasMessages;
        var error = await Assert.ThrowsAsync<KeysNotReadyException>(
            () => fetcher.Ask<FirstFetchCompleted>(JwksFetcherActor.AwaitFirstFetch.Instance, AskTimeout));

        Assert.False(stoppedEarly);
        Assert.Equal(FetchFailureKind.ConnectionReset, Assert.IsType<JwksFetchException>(error.InnerException).Kind);
        await watcher.ExpectTerminatedAsync(fetcher);
    }

    [Fact]
    public async Task AwaitFirstFetch_FailureWithoutStop_KeepsRetrying()
    {
        var fetcher = StartFetcher(TestOptions() with { SyncInit = true });
        var pending = fetcher.Ask<FirstFetchCompleted>(JwksFetcherActor.AwaitFirstFetch.Instance, AskTimeout);

        await FailAsync(FetchFailureKind.Timeout);
        await Assert.ThrowsAsync<KeysNotReadyException>(() => pending);
        await AdvanceAsync(fetcher, TimeSpan.FromSeconds(30));

        Assert.Equal(2, Client.RequestCount);
    }

    [Fact]
    public async Task RefusedKey_LoggedOnceWithIndexKidAndReasonNeverMaterial()
    {
        var document = TestDocuments.Raw(
            $$"""{"keys":[{"kty":"oct","kid":"secret","k":"c2VjcmV0"},{{TestDocuments.KeyJson("a")}}]}""");
        var fetcher = StartFetcher();
        var fetch = await Client.NextAsync();

        await EventFilter.Custom<Akka.Event.Warning>(warning =>
                warning.ToString()!.Contains("refused key #0 (kid secret)") && !warning.ToString()!.Contains("c2Vj"))
            .ExpectOneAsync(() =>
            {
                fetch.Respond(TestDocuments.Ok(document));
                return Task.CompletedTask;
            });
        var state = await StateAsync(fetcher);

        Assert.Equal(FetcherStatus.Ready, state.Status);
        Assert.Equal("secret", Assert.Single(state.Keys!.Refused).Kid);
    }

    [Fact]
    public async Task NotModified_WithoutAServedSet_IsAFailure()
    {
        var fetcher = StartFetcher();

        await AnswerAsync(fetch => fetch.Respond(TestDocuments.NotModified()));
        var state = await StateAsync(fetcher);

        Assert.Equal(FetchFailureKind.Other, state.LastErrorKind);
        Assert.Contains("304 Not Modified", state.LastError);
    }

    [Fact]
    public async Task Stop_BeforeTheFirstFetch_AnswersWaitingAsks()
    {
        var fetcher = StartFetcher();
        await Client.NextAsync();
        var pending = fetcher.Ask<Jwks>(new GetKeys("idp"), AskTimeout);
        await StateAsync(fetcher);

        fetcher.Tell(PoisonPill.Instance);
        var error = await Assert.ThrowsAsync<KeysNotReadyException>(() => pending);

        Assert.Contains("stopped (or restarted) before its first fetch completed", error.Message);
    }
}
