using System.Text.Json;
using AkkaJwks.Tests.Actors;
using AkkaJwks.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AkkaJwks.Tests.Cli;

/// <summary>
/// A query or user-info of a URL given to the program may hold a credential: the program prints the URL without
/// them (<c>?…</c>, <c>…@</c>) in errors, tables, <c>--json</c> and events.
/// </summary>
public class UrlSecretTests
{
    private const string Secret = "secret123";

    [Fact]
    public async Task Fetch_FailingUrlWithTokenInQueryAndUserInfo_NeverPrintsThem()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        });
        var url = WithSecrets(server.Url());

        var text = await CliProcess.RunAsync(["fetch", url]);
        var json = await CliProcess.RunAsync(["fetch", url, "--json"]);

        Assert.True(text.ExitCode == 1, text.ToString());
        Assert.True(json.ExitCode == 1, json.ToString());
        Assert.DoesNotContain(Secret, text.ToString());
        Assert.DoesNotContain(Secret, json.ToString());
        var shown = Redacted(server.Url());
        Assert.StartsWith(
            $"fetch: {shown} failed (http-status): Fetching {shown} failed", Assert.Single(text.ErrorLines));
        using var printed = JsonDocument.Parse(Assert.Single(json.Lines));
        Assert.Equal(shown, printed.RootElement.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Fetch_UrlWithTokenInQuery_ShowsItRedactedAsTheSource()
    {
        var document = System.Text.Encoding.UTF8.GetString(TestDocuments.Jwks("query-1"));
        await using var server = await LoopbackServer.ServingAsync(document);

        var table = await CliProcess.RunAsync(["fetch", WithSecrets(server.Url())]);
        var json = await CliProcess.RunAsync(["fetch", WithSecrets(server.Url()), "--json"]);

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.DoesNotContain(Secret, table.ToString() + json);
        Assert.StartsWith($"{Redacted(server.Url())}: 1 key(s) accepted", table.Lines[0]);
        using var printed = JsonDocument.Parse(Assert.Single(json.Lines));
        Assert.Equal(Redacted(server.Url()), printed.RootElement.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Watch_FetcherUrlWithTokenInQuery_EventsShowItRedacted()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        using var config = TempFile.Write("secret.conf", $$"""
            akka.jwks.fetchers.secret { url = "{{WithSecrets(server.Url())}}" }
            """);

        var json = await WatchUntilFailedAsync(config.Path, "--json");
        var text = await WatchUntilFailedAsync(config.Path);

        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.DoesNotContain(Secret, json.ToString() + text);
        var events = json.Lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "fetch.exception");
        Assert.All(events, e => Assert.Equal(Redacted(server.Url()), e.GetProperty("url").GetString()));
        Assert.Contains($"secret ({Redacted(server.Url())})", text.Lines[0]);
    }

    // Stopped once the first fetch has failed, however long that takes on a loaded machine.
    private static async Task<CliResult> WatchUntilFailedAsync(string config, params string[] options)
    {
        await using var watch = CliProcess.Start(["watch", "--config", config, .. options]);
        await watch.WaitForLineAsync(line => line.Contains("fetch.exception", StringComparison.Ordinal)
            || line.Contains(" failed ", StringComparison.Ordinal));
        return await watch.InterruptAsync();
    }

    private static string WithSecrets(Uri url) =>
        $"http://user:{Secret}@{url.Authority}{url.AbsolutePath}?access_token={Secret}";

    private static string Redacted(Uri url) => $"http://…@{url.Authority}{url.AbsolutePath}?…";
}
