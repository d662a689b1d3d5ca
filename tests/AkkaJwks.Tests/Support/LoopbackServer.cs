using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AkkaJwks.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with port 0, answering every request with <c>handler</c>. Tests make it
/// misbehave on purpose. It counts the requests it saw.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private LoopbackServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>The server's root, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>How many requests the server has seen.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>The URL of <paramref name="path"/> on this server.</summary>
    public Uri Url(string path = "/.well-known/jwks.json") => new(BaseUri, path);

    public static async Task<LoopbackServer> StartAsync(RequestDelegate handler, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));

        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(context =>
        {
            Interlocked.Increment(ref server!._requests);
            return handler(context);
        });
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        server = new LoopbackServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
        return server;
    }

    /// <summary>A server that answers every request with <paramref name="json"/> as <c>application/json</c>.</summary>
    public static Task<LoopbackServer> ServingAsync(string json) =>
        StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
