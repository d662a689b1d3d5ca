using System.Text;
using AkkaJwks.Http;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Http;

/// <summary>
/// Answers no well-behaved server sends, written byte for byte: whatever the server chose (a reason phrase, a line
/// the handler could not parse, a redirect's Location) reaches a message escaped, cut or hidden, never as sent.
/// </summary>
public class HttpJwksClientHostileAnswerTests
{
    // What a log line or a terminal must never receive from a server: an ANSI escape, a bell, a line break, a
    // bidi override.
    private static bool IsHidden(char c) =>
        char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    [Fact]
    public async Task GetAsync_ReasonPhraseWithControlCharacters_ShowsThemEscaped()
    {
        var failure = await FetchAsync("HTTP/1.1 500 Oops\u001b[31m\u0007 forged\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(FetchFailureKind.HttpStatus, failure.Kind);
        Assert.Equal(500, failure.StatusCode);
        Assert.Contains("answered 500 Oops\\u001b[31m\\u0007 forged;", failure.Message);
        Assert.DoesNotContain(failure.Message, IsHidden);
    }

    [Fact]
    public async Task GetAsync_ReasonPhraseOfThousandsOfCharacters_IsCut()
    {
        var failure = await FetchAsync($"HTTP/1.1 503 {new string('A', 4000)}\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(FetchFailureKind.HttpStatus, failure.Kind);
        Assert.Contains($"answered 503 {new string('A', 24)}... (4000 characters, cut);", failure.Message);
        Assert.True(failure.Message.Length < 400, failure.Message);
    }

    [Fact]
    public async Task GetAsync_AnswerThatIsNotHttp_NeverEchoesIt()
    {
        const string secret = "c2VjcmV0LWtleS1tYXRlcmlhbA";
        var failure = await FetchAsync($"{{\"keys\":[{{\"kty\":\"RSA\",\"d\":\"{secret}\"}}]}}\r\n\r\n");

        Assert.Equal(FetchFailureKind.Other, failure.Kind);
        Assert.Contains("invalid status line", failure.Message);
        Assert.DoesNotContain(secret, failure.ToString());
        Assert.DoesNotContain("kty", failure.ToString());
    }

    [Fact]
    public async Task GetAsync_HeaderNameWithControlCharacters_NeverEchoesIt()
    {
        var failure = await FetchAsync("HTTP/1.1 200 OK\r\nX\u001b[2J\u001b[H: y\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(FetchFailureKind.Other, failure.Kind);
        Assert.Contains("invalid header name", failure.Message);
        Assert.DoesNotContain(failure.Message, IsHidden);
        Assert.DoesNotContain("\u001b", failure.ToString());
        Assert.DoesNotContain("[2J", failure.ToString());
    }

    [Fact]
    public async Task GetAsync_RedirectLocationWithControlCharacters_ShowsThemPercentEscaped()
    {
        var failure = await FetchAsync(
            "HTTP/1.1 302 Found\r\nLocation: http://evil.example/a\u001b[31m\u0007b\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(FetchFailureKind.InsecureTransport, failure.Kind);
        Assert.Contains("redirected to http://evil.example/a%1B[31m%07b,", failure.Message);
        Assert.DoesNotContain(failure.Message, IsHidden);
    }

    private static async Task<JwksFetchException> FetchAsync(string answer)
    {
        await using var server = await RawLoopbackServer.AnsweringAsync(Encoding.Latin1.GetBytes(answer));
        using var client = Fetches.Client(new SignallingClock());

        return await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url()), CancellationToken.None));
    }
}
