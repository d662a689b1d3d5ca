using Akka.Actor;
using Akka.Event;
using AkkaJwks.Configuration;
using AkkaJwks.Keys;
using AkkaJwks.Tests.Http;
using AkkaJwks.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AkkaJwks.Tests;

/// <summary>
/// No key material and no token reaches a log, a telemetry event, an exception or a state, in any path: real
/// fetchers at DEBUG against a loopback server serving private keys, weak keys, an x5c that does not match, HTML
/// and a 500 that embed keys, a redirect and a refused TLS handshake; look-ups with a token for a kid and weird algs.
/// </summary>
public sealed class JwksExtensionKeyMaterialTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EveryPath_PrivateWeakAndMismatchedKeysAndTokens_NoMaterialInAnyText()
    {
        var secrets = new SecretDocuments();
        await using var server = await LoopbackServer.StartAsync(context => Answer(context, secrets));
        await using var tls = await LoopbackServer.StartAsync(
            context => context.Response.WriteAsync(secrets.Everything), SelfSignedCertificate.ForLoopback);
        var system = ActorSystem.Create("leaks", Config);
        try
        {
            using var capture = new EventStreamCapture(system, server.BaseUri, tls.BaseUri);
            var fetchers = new[] { "everything", "only-private", "html", "single-jwk", "error", "redirect" }
                .Select(path => (path, server.Url("/" + path)))
                .Append(("tls", tls.Url("/everything")));

            var texts = await ExerciseAsync(system, fetchers);
            texts.AddRange(await LookUpAsync(system.Jwks(), secrets));
            texts.AddRange(ParseDirectly(secrets));
            await capture.FlushAsync();
            texts.AddRange(capture.Texts);

            secrets.AssertNoneIn(texts);
            AssertCaptureSawEveryPath(capture, texts);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [SkippableFact]
    public async Task EveryPath_CorpusPrivateDocuments_NoMaterialInAnyText()
    {
        var files = Corpus.RelativeFiles("private").ToList();
        Skip.If(files.Count == 0, Corpus.SkipMessage);
        var secrets = new SecretDocuments();
        var documents = files.ToDictionary(file => "/" + Path.GetFileNameWithoutExtension(file),
            file => File.ReadAllText(Corpus.RequireFile(file)));
        foreach (var document in documents.Values)
        {
            secrets.Remember(document);
        }

        await using var server = await LoopbackServer.StartAsync(context =>
            context.Response.WriteAsync(documents[context.Request.Path.Value!]));
        var system = ActorSystem.Create("leaks", Config);
        try
        {
            using var capture = new EventStreamCapture(system, server.BaseUri);

            var texts = await ExerciseAsync(system, documents.Keys.Select(path => (path[1..], server.Url(path))));
            foreach (var path in documents.Keys)
            {
                texts.Add(await FailureAsync(() => system.Jwks().GetKeyAsync(path[1..], secrets.Token, "RS256")));
            }

            await capture.FlushAsync();
            texts.AddRange(capture.Texts);

            secrets.AssertNoneIn(texts);
            Assert.Contains(capture.LogEvents, log => log is Warning && log.ToString()!.Contains("refused key"));
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public void AssertNoneIn_StandardBase64OfAMember_IsFound()
    {
        var secrets = new SecretDocuments();
        var n = System.Text.Json.JsonDocument.Parse(secrets.RsaPrivateKey).RootElement.GetProperty("n").GetString()!;
        var standard = Convert.ToBase64String(System.Buffers.Text.Base64Url.DecodeFromChars(n));

        var failure = Record.Exception(() => secrets.AssertNoneIn([$"modulus {standard}."]));

        Assert.NotNull(failure);
        Assert.Null(Record.Exception(() => secrets.AssertNoneIn(["kid rsa-private, exponent AQABC"])));
    }

    private const string Config = """
        akka.loglevel = DEBUG
        akka.stdout-loglevel = OFF
        akka.loggers = []
        akka.jwks.defaults { transient-retries = 0, request-timeout = 10s }
        """;

    private static async Task Answer(HttpContext context, SecretDocuments secrets)
    {
        var response = context.Response;
        switch (context.Request.Path.Value)
        {
            case "/everything":
                response.ContentType = "application/json";
                await response.WriteAsync(secrets.Everything);
                break;
            case "/only-private":
                await response.WriteAsync(secrets.OnlyPrivate);
                break;
            case "/html":
                response.ContentType = "text/html";
                await response.WriteAsync(secrets.HtmlPage());
                break;
            case "/single-jwk":
                await response.WriteAsync(secrets.RsaPrivateKey);
                break;
            case "/error":
                response.StatusCode = 500;
                await response.WriteAsync(secrets.Everything);
                break;
            default:
                response.StatusCode = 302;
                response.Headers.Location = "/everything";
                break;
        }
    }

    /// <summary>Starts each fetcher with sync-init and reads its state: the text of every answer and failure.</summary>
    private static async Task<List<string>> ExerciseAsync(
        ActorSystem system, IEnumerable<(string Name, Uri Url)> fetchers)
    {
        var jwks = system.Jwks();
        var texts = new List<string>();
        foreach (var (name, url) in fetchers)
        {
            var options = jwks.Settings.CreateFetcherOptions(name, url) with { SyncInit = true };
            texts.Add(await FailureAsync(() => jwks.StartFetcherAsync(options, Wait)));
            var state = await jwks.GetStateAsync(name);
            texts.AddRange([state.ToString(), state.LastError ?? "", state.Options.ToString()]);
            texts.AddRange(state.Keys?.Keys.Select(key => key.ToString()) ?? []);
            texts.AddRange(state.Keys?.Refused.Select(refused => refused.ToString()) ?? []);
        }

        return texts;
    }

    private static async Task<List<string>> LookUpAsync(JwksExtension jwks, SecretDocuments secrets)
    {
        string[] weirdAlgs = [secrets.Token, "RS256\r\n[ERROR] forged line", new string('A', 5000), "none", "EC"];
        var texts = new List<string>
        {
            await FailureAsync(() => jwks.GetKeyAsync("everything", secrets.Token)),
            await FailureAsync(() => jwks.GetKeyAsync("everything", secrets.Token, "ES256")),
            await FailureAsync(() => jwks.GetKeyAsync("everything", "rsa-private", "RS256")),
            await FailureAsync(() => jwks.GetKeyAsync("only-private", secrets.Token, secrets.Token)),
            await FailureAsync(() => jwks.GetKeyAsync("tls", secrets.Token)),
        };
        foreach (var alg in weirdAlgs)
        {
            texts.Add(await FailureAsync(() => jwks.GetKeyAsync("everything", "good", alg)));
        }

        return texts;
    }

    private static IEnumerable<string> ParseDirectly(SecretDocuments secrets)
    {
        var jwks = JwksParser.Parse(System.Text.Encoding.UTF8.GetBytes(secrets.Everything), "test", default, 500).Jwks!;
        yield return jwks.ToString()!;
        yield return jwks.FindSigningKey(secrets.Token, secrets.Token).Message;
        yield return jwks.FindSigningKey("good", secrets.Token).Message;
        yield return jwks.FindSigningKey(null, secrets.Token).Message;
        yield return jwks.FindSigningKey("good", "ES256").Message;
    }

    private static async Task<string> FailureAsync<T>(Func<Task<T>> call)
    {
        try
        {
            var answer = await call();
            return answer?.ToString() ?? "";
        }
        catch (Exception e)
        {
            return e.ToString();
        }
    }

    private static Task<string> FailureAsync<T>(Func<ValueTask<T>> call) => FailureAsync(() => call().AsTask());

    // The check above can only pass for the right reason if the capture saw the paths it claims to cover.
    private static void AssertCaptureSawEveryPath(EventStreamCapture capture, List<string> texts)
    {
        Assert.Contains(capture.LogEvents, log => log is Debug);
        Assert.True(capture.SawFailedActivity);
        string[] refused = ["rsa-private", "ec-private", "okp-private", "oct-secret", "rsa-weak", "x5c-mismatch",
            "alg-material", "kty-material", "crv-material"];
        foreach (var kid in refused)
        {
            Assert.Contains(capture.LogEvents, log => log is Warning && log.ToString()!.Contains($"(kid {kid})"));
        }

        foreach (var kind in new[] { "NotJson", "NotJwks", "NoUsableKeys", "HttpStatus", "Tls" })
        {
            Assert.Contains(texts, text => text.Contains("JwksFetchFailed") && text.Contains(kind));
        }

        Assert.Contains(texts, text => text.Contains("a value shaped like a JWT"));
        Assert.Contains(texts, text => text.Contains("\\u000d\\u000a[ERROR] forged line"));
    }
}
