using Akka.Actor;
using AkkaJwks.Actors;
using AkkaJwks.Http;
using AkkaJwks.Keys;
using AkkaJwks.Telemetry;
using AkkaJwks.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AkkaJwks.Tests.Actors;

/// <summary>The fetcher over the real HTTP client against a real Kestrel endpoint: what the endpoint sees.</summary>
public sealed class JwksFetcherActorLoopbackTests : FetcherTestKit
{
    private readonly HttpJwksClient _http = new(new HttpJwksClientOptions { MaxResponseHeadersBytes = 1 << 16 });

    [Fact]
    public async Task GetKey_TenThousandConcurrentMisses_TheEndpointSeesOneRefresh()
    {
        const int misses = 10_000;
        var served = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var kids = Interlocked.Increment(ref served) == 1 ? new[] { "a" } : ["a", "rotated"];
            return context.Response.Body.WriteAsync(TestDocuments.Jwks(kids)).AsTask();
        });
        var fetcher = StartOver(server);
        await Outcomes.ExpectMsgAsync<object>();
        var probe = CreateTestProbe();

        for (var i = 0; i < misses; i++)
        {
            fetcher.Tell(new GetKey("idp", "rotated"), probe.Ref);
        }

        var answers = await probe.ReceiveNAsync(misses, TimeSpan.FromSeconds(30)).ToListAsync();

        Assert.All(answers, answer => Assert.Equal("rotated", Assert.IsType<Jwk>(answer).Kid));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Refresh_UnchangedDocument_ConditionalRequestAnswered304KeepsTheKeys()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers.CacheControl = "max-age=300";
            return context.Response.Body.WriteAsync(TestDocuments.Jwks("a")).AsTask();
        });
        var fetcher = StartOver(server);
        var first = await Outcomes.ExpectMsgAsync<JwksFetchSucceeded>();

        await fetcher.Ask<RefreshAccepted>(new Refresh("idp"), AskTimeout);
        var second = await Outcomes.ExpectMsgAsync<JwksFetchSucceeded>();
        var state = await StateAsync(fetcher);

        Assert.False(first.NotModified);
        Assert.True(second.NotModified);
        Assert.Equal("\"v1\"", state.ETag);
        Assert.True(state.Keys!.TryGetKey("a", out _));
        Assert.Equal(2, server.RequestCount);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _http.Dispose();
        }

        base.Dispose(disposing);
    }

    private IActorRef StartOver(LoopbackServer server) =>
        Sys.ActorOf(JwksFetcherActor.Props(TestOptions() with { Url = server.Url() }, _http, Snapshots, () => 0.5));
}
