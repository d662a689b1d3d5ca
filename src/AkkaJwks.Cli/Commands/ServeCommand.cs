using System.ComponentModel;
using AkkaJwks.Cli.Hosting;
using AkkaJwks.Cli.Input;
using AkkaJwks.Cli.Output;
using AkkaJwks.Configuration;
using AkkaJwks.Keys;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AkkaJwks.Cli.Commands;

/// <summary>
/// <c>serve FILE [--port N]</c>: a test tool that publishes a file's bytes as they are at
/// <c>http://127.0.0.1:N/.well-known/jwks.json</c> until Ctrl+C, warning when the file is not a JWKS.
/// </summary>
internal sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    /// <summary>The arguments of <c>serve</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The file to serve.</summary>
        [CommandArgument(0, "<FILE>")]
        [Description("The document to serve, byte for byte.")]
        public string File { get; init; } = "";

        /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
        [CommandOption("-p|--port <PORT>")]
        [Description("The port on 127.0.0.1; 0 picks a free one and prints it.")]
        [DefaultValue(0)]
        [TypeConverter(typeof(PortConverter))]
        public int Port { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Port is >= 0 and <= 65535)
            {
                return ValidationResult.Success();
            }

            var notPort = $"--port {Port} is not a port: expected 0 to 65535";
            return ValidationResult.Error(notPort);
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(
        CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        byte[] document;
        try
        {
            document = await System.IO.File.ReadAllBytesAsync(settings.File, cancellationToken);
        }
        catch (Exception e) when (InputFile.IsUnreadable(e))
        {
            Terminal.WriteError($"serve: {InputFile.Why(settings.File, e)}.");
            return ExitCodes.Usage;
        }

        var maxKeys = JwksFetcherOptions.Create("serve", new Uri("http://127.0.0.1/")).MaxKeys;
        var parsed = JwksParser.Parse(document, settings.File, DateTimeOffset.UtcNow, maxKeys);
        if (!parsed.IsJwks)
        {
            var why = DocumentProblem.Why(settings.File, parsed.Error, maxKeys);
            Terminal.WriteWarning($"serve: warning: {why}; serving it anyway.");
        }

        DocumentServer server;
        try
        {
            server = await DocumentServer.StartAsync(settings.Port, () => document, cancellationToken);
        }
        catch (IOException e)
        {
            Terminal.WriteError($"serve: cannot listen on 127.0.0.1:{settings.Port}: {e.Message}");
            return ExitCodes.Failure;
        }

        await using (server)
        {
            Terminal.Out.MarkupLine(
                $"serving {Markup.Escape(settings.File)} at [link]{server.JwksUrl}[/] (Ctrl+C stops)");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C is how serve ends.
            }
        }

        return ExitCodes.Success;
    }
}
