using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AkkaJwks.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with port 0 that skips HTTP and writes raw bytes on each connection, for
/// answers no well-behaved server would send (a status line with control characters, a response that is not HTTP).
/// </summary>
internal sealed class RawLoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RawLoopbackServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public Uri Url(string path = "/.well-known/jwks.json") => new(BaseUri, path);

    /// <summary>A server that reads the request head, writes <paramref name="response"/> and closes.</summary>
    public static async Task<RawLoopbackServer> AnsweringAsync(byte[] response)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            listen.Run(async connection =>
            {
                // Wait for the end of the request head, so the client is reading the answer when it comes.
                var input = connection.Transport.Input;
                while (true)
                {
                    var read = await input.ReadAsync();
                    var text = Encoding.Latin1.GetString(read.Buffer);
                    if (text.Contains("\r\n\r\n", StringComparison.Ordinal) || read.IsCompleted)
                    {
                        input.AdvanceTo(read.Buffer.End);
                        break;
                    }

                    input.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                }

                await connection.Transport.Output.WriteAsync(response);
                await connection.Transport.Output.CompleteAsync();
            })));

        var app = builder.Build();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return new RawLoopbackServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
