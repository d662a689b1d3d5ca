using System.IO.Compression;
using System.Text;
using AkkaJwks.Http;
using AkkaJwks.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AkkaJwks.Tests.Http;

public class HttpJwksClientBodyTests
{
    private const string Document = """{"keys":[]}""";

    [Fact]
    public async Task GetAsync_Json_ReturnsBodyStatusAndFinalUrl()
    {
        await using var server = await LoopbackServer.ServingAsync(Document);
        using var client = Fetches.Client(new SignallingClock());

        var response = await client.GetAsync(Fetches.For(server.Url()), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.False(response.NotModified);
        Assert.Equal(Document, Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal(server.Url(), response.FinalUrl);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task GetAsync_EncodedBody_ReturnsDecodedBytes(string encoding)
    {
        var encoded = Encode(encoding, Encoding.UTF8.GetBytes(Document));
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers.ContentEncoding = encoding;
            await context.Response.Body.WriteAsync(encoded);
        });
        using var client = Fetches.Client(new SignallingClock());

        var response = await client.GetAsync(Fetches.For(server.Url()), CancellationToken.None);

        Assert.Equal(Document, Encoding.UTF8.GetString(response.Body.Span));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/html")]
    [InlineData("application/octet-stream")]
    public async Task GetAsync_MissingOrWrongContentType_AcceptsTheBody(string? contentType)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(Document);
        });
        using var client = Fetches.Client(new SignallingClock());

        var response = await client.GetAsync(Fetches.For(server.Url()), CancellationToken.None);

        Assert.Equal(Document, Encoding.UTF8.GetString(response.Body.Span));
    }

    [Fact]
    public async Task GetAsync_ByteOrderMark_PassesItThroughUntouched()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Document)];
        await using var server = await LoopbackServer.StartAsync(
            context => context.Response.Body.WriteAsync(body).AsTask());
        using var client = Fetches.Client(new SignallingClock());

        var response = await client.GetAsync(Fetches.For(server.Url()), CancellationToken.None);

        Assert.Equal(body, response.Body.ToArray());
    }

    [Fact]
    public async Task GetAsync_ContentLengthOverLimit_FailsBeforeReadingTheBody()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentLength = 5000;
            await context.Response.Body.WriteAsync(new byte[5000]);
        });
        using var client = Fetches.Client(new SignallingClock());

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url(), maxBytes: 4096), CancellationToken.None));

        Assert.Equal(FetchFailureKind.ResponseTooLarge, failure.Kind);
        Assert.Contains("5000 bytes", failure.Message);
        Assert.Contains("limit of 4096 bytes", failure.Message);
    }

    [Fact]
    public async Task GetAsync_ChunkedBodyOverLimit_FailsWhileReading()
    {
        var endless = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            // Far more than the limit, in chunks, without a length: the client must stop counting, not the server.
            for (var i = 0; i < 64 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(new byte[1024], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });
        using var client = Fetches.Client(new SignallingClock());

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url(), maxBytes: 4096), CancellationToken.None));

        Assert.Equal(FetchFailureKind.ResponseTooLarge, failure.Kind);
        Assert.Contains("the body runs past the limit of 4096 bytes (max-response-bytes)", failure.Message);
        Assert.Contains(server.Url().ToString(), failure.Message);
    }

    [Theory]
    [InlineData("gzip", false)]
    [InlineData("gzip", true)]
    [InlineData("br", false)]
    [InlineData("br", true)]
    [InlineData("deflate", true)]
    public async Task GetAsync_CompressedBombOverLimit_CountsDecodedBytes(string encoding, bool declareLength)
    {
        // A Content-Length declares the encoded size, well inside the limit; only the decoded count can catch it.
        var encoded = Encode(encoding, new byte[1024 * 1024]);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers.ContentEncoding = encoding;
            if (declareLength)
            {
                context.Response.ContentLength = encoded.Length;
            }

            await context.Response.Body.WriteAsync(encoded);
        });
        using var client = Fetches.Client(new SignallingClock());

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url(), maxBytes: 64 * 1024), CancellationToken.None));

        Assert.True(encoded.Length < 64 * 1024, $"the encoded body ({encoded.Length} bytes) fits the limit");
        Assert.Equal(FetchFailureKind.ResponseTooLarge, failure.Kind);
    }

    [Fact]
    public async Task GetAsync_BodyShorterThanContentLength_FailsAsTruncated()
    {
        var readingBody = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentLength = 1000;
            await context.Response.Body.WriteAsync(new byte[10]);
            await context.Response.Body.FlushAsync();

            // The reset must come after the client holds the headers and the ten bytes, or it would discard them.
            await readingBody.Task;
            context.Abort();
        });
        using var client = Fetches.Client(new SignallingClock());
        client.PhaseObserver = phase =>
        {
            if (phase == AttemptPhase.Body)
            {
                readingBody.TrySetResult();
            }
        };

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url()), CancellationToken.None));

        Assert.True(failure.Kind == FetchFailureKind.Truncated, failure.ToString());
        Assert.Contains("after 10 bytes of the body of the 1000 declared", failure.Message);
    }

    private static byte[] Encode(string encoding, byte[] plain)
    {
        using var output = new MemoryStream();
        using (Stream encoder = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true),
            "br" => new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true),
            _ => new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true),
        })
        {
            encoder.Write(plain);
        }

        return output.ToArray();
    }
}
