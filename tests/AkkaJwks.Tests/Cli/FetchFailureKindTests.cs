using System.Text;
using AkkaJwks.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AkkaJwks.Tests.Cli;

/// <summary>
/// Each kind of failure a loopback server can produce, as <c>fetch</c> names it in its one-line error (exit 1).
/// http-status, not-jwks and connection-refused are in <see cref="FetchFailureTests"/>; dns and tls need a resolver
/// or a certificate the test cannot arrange for the program, and are covered by the HTTP client's own tests.
/// </summary>
public class FetchFailureKindTests
{
    public static TheoryData<string, string> Faults => new()
    {
        { "reset", "connection-reset" },
        { "html", "not-json" },
        { "empty-keys", "no-usable-keys" },
        { "refused-keys", "no-usable-keys" },
        { "truncated", "truncated" },
        { "redirect-loop", "redirect-loop" },
        { "too-large", "response-too-large" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Fetch_Fault_NamesItsKindOnOneLineAndExitsOne(string fault, string kind)
    {
        await using var server = await LoopbackServer.StartAsync(context => Misbehave(fault, context));

        var result = await CliProcess.RunAsync(["fetch", server.Url().ToString(), "--timeout", "60s"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith($"fetch: {server.Url()} failed ({kind}): ", result.ErrorLines[0]);
        // A set whose keys were all refused also says why each was, one line per key.
        Assert.True(result.ErrorLines.Count == (fault == "refused-keys" ? 2 : 1), result.ToString());
        Assert.Empty(result.StdOut);
    }

    [Fact]
    public async Task Fetch_ServerNeverAnswers_NamesTimeoutWithinTheBudget()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            try
            {
                await new TaskCompletionSource().Task.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The program gave up: what this server waits for.
            }
        });

        var result = await CliProcess.RunAsync(["fetch", server.Url().ToString(), "--timeout", "500ms"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith($"fetch: {server.Url()} failed (timeout): ", Assert.Single(result.ErrorLines));
        Assert.Contains("timed out after 500ms", result.ErrorLines[0]);
    }

    [Fact]
    public async Task Fetch_PlainHttpToAnotherHost_UsageErrorWithoutNetworkAccess()
    {
        var result = await CliProcess.RunAsync(["fetch", "http://issuer.invalid/jwks"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("is plain http to a host that is not loopback", Assert.Single(result.ErrorLines));
    }

    private static async Task Misbehave(string fault, HttpContext context)
    {
        switch (fault)
        {
            case "reset":
                context.Abort();
                break;
            case "html":
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body>Sign in</body></html>");
                break;
            case "empty-keys":
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"keys":[]}""");
                break;
            case "refused-keys":
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"keys":[{"kty":"RSA","kid":"no-modulus","e":"AQAB"}]}""");
                break;
            case "truncated":
                // Fewer bytes than declared: Kestrel ends the connection once the handler returns.
                context.Response.ContentLength = 1000;
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("""{"keys":["""));
                await context.Response.Body.FlushAsync();
                break;
            case "redirect-loop":
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = context.Request.Path == "/a" ? "/b" : "/a";
                break;
            default:
                // 2 MiB, twice the default max-response-bytes (fetch has no option to change it).
                context.Response.ContentType = "application/json";
                var spaces = new byte[2 << 20];
                Array.Fill(spaces, (byte)' ');
                await context.Response.Body.WriteAsync(spaces);
                break;
        }
    }
}
