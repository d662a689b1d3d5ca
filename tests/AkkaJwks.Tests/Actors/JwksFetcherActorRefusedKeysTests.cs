using Akka.Actor;
using Akka.Event;
using Akka.TestKit;
using AkkaJwks.Actors;
using AkkaJwks.Http;

namespace AkkaJwks.Tests.Actors;

public class JwksFetcherActorRefusedKeysTests : FetcherTestKit
{
    private const string Secret = """{"kty":"oct","kid":"secret","k":"c2VjcmV0"}""";
    private const string Other = """{"kty":"oct","kid":"other","k":"b3RoZXI"}""";

    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task RefusedKey_UnchangedOverRefreshes_WarnedOnce()
    {
        var warnings = Warnings();
        var fetcher = StartFetcher();

        await ServeAsync(Secret);
        var first = Drain(warnings);
        for (var refresh = 0; refresh < 3; refresh++)
        {
            await AdvanceAsync(fetcher, RefreshInterval);
            await ServeAsync(Secret);
        }

        var later = Drain(warnings);

        Assert.Single(first, text => text.Contains("refused key #0 (kid secret)"));
        Assert.Empty(later);
        Assert.Equal(4, Client.RequestCount);
    }

    [Fact]
    public async Task RefusedKey_SetChanges_WarnsOnlyTheNewOnesAndAgainWhenOneComesBack()
    {
        var warnings = Warnings();
        var fetcher = StartFetcher();
        await ServeAsync(Secret);
        Drain(warnings);

        await AdvanceAsync(fetcher, RefreshInterval);
        await ServeAsync(Secret, Other);
        var added = Drain(warnings);
        await AdvanceAsync(fetcher, RefreshInterval);
        await ServeAsync();
        var gone = Drain(warnings);
        await AdvanceAsync(fetcher, RefreshInterval);
        await ServeAsync(Secret);
        var back = Drain(warnings);

        Assert.Equal(["refused key #1 (kid other)"], added.Select(Fragment));
        Assert.Empty(gone);
        Assert.Equal(["refused key #0 (kid secret)"], back.Select(Fragment));
    }

    [Fact]
    public async Task RefusedKey_SameKeyAtAnotherIndex_WarnedAgain()
    {
        var warnings = Warnings();
        var fetcher = StartFetcher();
        await ServeAsync(Secret);
        Drain(warnings);

        await AdvanceAsync(fetcher, RefreshInterval);
        await ServeAsync(Other, Secret);
        var warned = Drain(warnings).Select(Fragment);

        Assert.Equal(["refused key #0 (kid other)", "refused key #1 (kid secret)"], warned);
    }

    [Fact]
    public async Task RefusedKey_SameDocumentAfterACrash_NotWarnedAgain()
    {
        var warnings = Warnings();
        var crash = false;
        var fetcher = StartFetcher(jitter: () => crash ? throw new InvalidOperationException("test crash") : 0.5);
        await ServeAsync(Secret);
        var first = Drain(warnings);
        crash = true;
        await fetcher.Ask<RefreshAccepted>(new Refresh("idp"), TimeSpan.FromSeconds(5));

        // The failure's backoff draws jitter, so the fetcher throws while taking the outcome and is restarted.
        var fetch = await Client.NextAsync();
        await EventFilter.Exception<InvalidOperationException>().ExpectOneAsync(() =>
        {
            fetch.Fail(FetchFailureKind.ConnectionReset);
            return Task.CompletedTask;
        });
        crash = false;

        // The restarted instance schedules its refresh in PreStart, before it takes this ask.
        await StateAsync(fetcher);
        await AdvanceAsync(fetcher, RefreshInterval);
        await ServeAsync(Secret);
        var afterRestart = Drain(warnings);

        Assert.Single(first, text => text.Contains("refused key #0 (kid secret)"));
        Assert.Empty(afterRestart);
        Assert.Equal(3, Client.RequestCount);
    }

    private TestProbe Warnings()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(Warning));
        return probe;
    }

    /// <summary>Answers the next fetch with the refused keys and a good one, and waits until the fetcher took it.</summary>
    private Task ServeAsync(params string[] refused) => AnswerAsync(fetch => fetch.Respond(TestDocuments.Ok(
        TestDocuments.Raw($$"""{"keys":[{{string.Join(",", refused.Append(TestDocuments.KeyJson("good")))}}]}"""))));

    // The fetcher logs before it publishes the fetch outcome that AnswerAsync awaits, so the warnings are queued.
    private static List<string> Drain(TestProbe probe)
    {
        var texts = new List<string>();
        while (probe.HasMessages)
        {
            var warning = probe.ReceiveOne(TimeSpan.Zero) as Warning;
            if (warning?.ToString() is { } text && text.Contains("refused key"))
            {
                texts.Add(text);
            }
        }

        return texts;
    }

    private static string Fragment(string text) =>
        text[text.IndexOf("refused key", StringComparison.Ordinal)..(text.IndexOf(')', StringComparison.Ordinal) + 1)];
}
