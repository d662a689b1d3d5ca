using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using AkkaJwks.Tests.Actors;
using AkkaJwks.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AkkaJwks.Tests;

/// <summary>
/// A fetcher's URL may carry a credential in its query or user-info: no log line, exception, failure message,
/// state or trace tag of the library holds them, in any failing path; each shows the URL as <c>…@host/path?…</c>.
/// (The telemetry events and the options keep the URL as configured: they are data, not text to print.)
/// </summary>
public sealed class JwksExtensionUrlSecretTests
{
    private const string Secret = "secret123";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EveryPath_UrlWithTokenInQueryAndUserInfo_NoSecretInAnyText()
    {
        const string Weak = """{"kty":"RSA","kid":"weak","n":"AQAB","e":"AQAB"}""";
        var keys = $$"""{"keys":[{{TestDocuments.KeyJson("good")}},{{Weak}}]}""";
        await using var server = await LoopbackServer.StartAsync(context => Answer(context, keys));
        var system = ActorSystem.Create("url-secrets", Config);
        try
        {
            var closed = new Uri($"http://127.0.0.1:{ClosedPort()}/closed");
            using var capture = new EventStreamCapture(system, server.BaseUri, closed);
            var urls = new[] { "error", "html", "no-keys", "loop", "refused-key" }
                .Select(path => (path, WithSecrets(server.Url("/" + path))))
                .Append(("closed", WithSecrets(closed)))
                .Append(("insecure", WithSecrets(new Uri("http://issuer.example/insecure"))));

            var texts = await ExerciseAsync(system, urls.ToList());
            await capture.FlushAsync();
            texts.AddRange(capture.LogEvents.Select(log => $"{log.Message} {log.Cause}"));
            texts.AddRange(capture.ActivityTexts);

            Assert.All(texts, text => Assert.DoesNotContain(Secret, text));
            // The check above passes for the right reason only if the URLs were there to leak.
            Assert.Contains(capture.LogEvents, log => log.Message?.ToString()?.Contains("/refused-key?…") == true);
            Assert.Contains(texts, text => text.Contains("url.full=http://…@127.0.0.1:", StringComparison.Ordinal));
            foreach (var path in new[] { "error", "html", "no-keys", "loop", "closed", "insecure" })
            {
                Assert.Contains(texts, text => text.Contains($"/{path}?…", StringComparison.Ordinal));
            }
        }
        finally
        {
            await system.Terminate();
        }
    }

    private const string Config = """
        akka.loglevel = DEBUG
        akka.stdout-loglevel = OFF
        akka.loggers = []
        akka.jwks.defaults { transient-retries = 0, request-timeout = 10s, max-redirects = 3 }
        """;

    private static Task Answer(HttpContext context, string keys)
    {
        var response = context.Response;
        switch (context.Request.Path.Value)
        {
            case "/html":
                response.ContentType = "text/html";
                return response.WriteAsync("<html>access_token in a page</html>");
            case "/no-keys":
                return response.WriteAsync("""{"keys":[]}""");
            case "/refused-key":
                return response.WriteAsync(keys);
            case "/loop":
                response.StatusCode = StatusCodes.Status302Found;
                response.Headers.Location = $"/loop?access_token={Secret}";
                return Task.CompletedTask;
            default:
                response.StatusCode = StatusCodes.Status500InternalServerError;
                return Task.CompletedTask;
        }
    }

    /// <summary>Starts each fetcher with sync-init, then again, and reads its state: every failure's text.</summary>
    private static async Task<List<string>> ExerciseAsync(ActorSystem system, List<(string Name, Uri Url)> fetchers)
    {
        var jwks = system.Jwks();
        var texts = new List<string>();
        foreach (var (name, url) in fetchers)
        {
            var options = jwks.Settings.CreateFetcherOptions(name, url) with { SyncInit = true };
            texts.Add(await FailureAsync(() => jwks.StartFetcherAsync(options, Wait)));
            if (name == "insecure")
            {
                continue;
            }

            texts.Add(await FailureAsync(() => jwks.StartFetcherAsync(options, Wait)));
            var state = await jwks.GetStateAsync(name);
            texts.Add(state.LastError ?? "");
        }

        return texts;
    }

    private static async Task<string> FailureAsync<T>(Func<Task<T>> call)
    {
        try
        {
            await call();
            return "";
        }
        catch (Exception e)
        {
            return e.ToString();
        }
    }

    private static Uri WithSecrets(Uri url) =>
        new($"http://user:{Secret}@{url.Authority}{url.AbsolutePath}?access_token={Secret}");

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
