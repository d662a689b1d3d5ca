using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AkkaJwks.Cli.Hosting;

/// <summary>
/// Kestrel on 127.0.0.1 answering <c>GET /.well-known/jwks.json</c> with whatever document the
/// <c>documents</c> callback gives at that moment, as <c>application/json</c> with a strong <c>ETag</c>
/// (a <c>304</c> for a matching <c>If-None-Match</c>). Every other path is a <c>404</c>.
/// </summary>
internal sealed class DocumentServer : IAsyncDisposable
{
    /// <summary>The path the document is served at.</summary>
    public const string JwksPath = "/.well-known/jwks.json";

    private readonly WebApplication _app;

    private DocumentServer(WebApplication app, Uri jwksUrl)
    {
        _app = app;
        JwksUrl = jwksUrl;
    }

    /// <summary>The URL of the document, for example <c>http://127.0.0.1:41234/.well-known/jwks.json</c>.</summary>
    public Uri JwksUrl { get; }

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/> (0 picks a free port).</summary>
    public static async Task<DocumentServer> StartAsync(
        int port, Func<byte[]> documents, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

        var app = builder.Build();
        app.Run(context => AnswerAsync(context, documents()));
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return new DocumentServer(app, new Uri(new Uri(address), JwksPath));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task AnswerAsync(HttpContext context, byte[] document)
    {
        if (context.Request.Path != JwksPath || !HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(document))[..32]}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.Any(value => value is not null && value.Contains(etag)))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength = document.Length;
        await context.Response.Body.WriteAsync(document, context.RequestAborted);
    }
}
