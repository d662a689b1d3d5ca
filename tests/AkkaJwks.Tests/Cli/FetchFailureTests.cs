using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AkkaJwks.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AkkaJwks.Tests.Cli;

/// <summary>A failed <c>fetch</c> exits 1 with one sentence on standard error that names the kind of failure.</summary>
public class FetchFailureTests
{
    [Fact]
    public async Task Fetch_NotFound_NamesHttpStatusAndExitsOne()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        var result = await CliProcess.RunAsync(["fetch", server.Url().ToString(), "--json"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"fetch: {server.Url()} failed (http-status): ", error);
        Assert.Contains("404", error);
        using var printed = JsonDocument.Parse(Assert.Single(result.Lines));
        Assert.False(printed.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(error, printed.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Fetch_JsonThatIsNotJwks_NamesNotJwksAndExitsOne()
    {
        await using var server = await LoopbackServer.ServingAsync("""{"issuer":"https://issuer.test"}""");

        var result = await CliProcess.RunAsync(["fetch", server.Url().ToString()]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith($"fetch: {server.Url()} failed (not-jwks): ", Assert.Single(result.ErrorLines));
        Assert.Empty(result.StdOut);
    }

    [Fact]
    public async Task Fetch_ConnectionRefused_NamesConnectionRefusedAndExitsOne()
    {
        // A port held by a socket that never listens refuses every connection, and no other test can take it.
        using var closedPort = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closedPort.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)closedPort.LocalEndPoint!).Port}/.well-known/jwks.json");

        var result = await CliProcess.RunAsync(["fetch", url.ToString(), "--timeout", "60s"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith($"fetch: {url} failed (connection-refused): ", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Fetch_TimeoutAboveOneDay_UsageErrorNamingTheOptionBeforeAnyRequest()
    {
        await using var server = await LoopbackServer.ServingAsync("""{"keys":[]}""");

        var result = await CliProcess.RunAsync(["fetch", server.Url().ToString(), "--timeout", "100h"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(
            $"fetch: {server.Url()} cannot be fetched: --timeout 100h: must be at most 1d (24h), the longest " +
                "timeout Polly accepts for one fetch.",
            Assert.Single(result.ErrorLines));
        Assert.Equal(0, server.RequestCount);
    }
}
