using System.Net;
using System.Text.Json;
using AkkaJwks.Tests.Actors;
using AkkaJwks.Tests.Keys;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests.Cli;

/// <summary><c>serve</c> of a saved document in one process, <c>fetch</c> of it from another, over loopback.</summary>
public class ServeAndFetchTests
{
    [SkippableTheory]
    [InlineData("real/google-v3-certs.json")]
    [InlineData("real/entra-common-v2-keys.json")]
    [InlineData("real/apple-auth-keys.json")]
    public async Task FetchJson_ServedProviderDocument_PrintsItsKids(string relativePath)
    {
        var path = Corpus.RequireFile(relativePath);
        var expectedKids = CorpusExpectations.ByFile[relativePath].AcceptedKids;
        Assert.NotEmpty(expectedKids);
        await using var serve = CliProcess.Start(["serve", path, "--port", "0"]);
        var url = UrlIn(await serve.WaitForLineAsync(line => line.Contains("http://127.0.0.1:")));

        var result = await CliProcess.RunAsync(["fetch", url, "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var printed = JsonDocument.Parse(Assert.Single(result.Lines));
        Assert.Equal(url, printed.RootElement.GetProperty("source").GetString());
        Assert.True(printed.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(expectedKids, printed.RootElement.GetProperty("keys").EnumerateArray()
            .Select(key => key.GetProperty("kid").GetString()));
    }

    [Fact]
    public async Task Fetch_ServedDocument_PrintsTableOfKeys()
    {
        using var file = TempFile.Write("served.json", TestDocuments.Jwks("served-key"));
        await using var serve = CliProcess.Start(["serve", file.Path]);
        var url = UrlIn(await serve.WaitForLineAsync(line => line.Contains("http://127.0.0.1:")));

        var result = await CliProcess.RunAsync(["fetch", url, "--timeout", "60s", "--header", "X-Test: yes"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(result.Lines, line => line.Contains("served-key") && line.Contains("ES256"));
        Assert.Contains("1 key(s) accepted", result.StdOut);
    }

    [Fact]
    public async Task Serve_FileThatIsNotJwks_WarnsAndServesItAsItIsWithETag()
    {
        using var file = TempFile.Write("not-jwks.json", """{"issuer":"https://issuer.test"}""");
        await using var serve = CliProcess.Start(["serve", file.Path]);
        var url = UrlIn(await serve.WaitForLineAsync(line => line.Contains("http://127.0.0.1:")));
        using var client = new HttpClient();

        using var first = await client.GetAsync(url);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(again);
        var result = await serve.KillAsync();

        Assert.Equal("""{"issuer":"https://issuer.test"}""", await first.Content.ReadAsStringAsync());
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        var warning = Assert.Single(result.ErrorLines);
        Assert.StartsWith("serve: warning: ", warning);
        Assert.Contains(file.Path, warning);
    }

    internal static string UrlIn(string line) =>
        line.Split(' ').Single(word => word.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
}
