using System.ComponentModel;
using AkkaJwks.Cli.Input;
using AkkaJwks.Cli.Output;
using AkkaJwks.Keys;
using AkkaJwks.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AkkaJwks.Cli.Commands;

/// <summary>
/// <c>inspect FILE... [--json]</c>: parses local documents with <see cref="JwksParser"/>. A document that is a
/// JWKS passes even when some of its keys were refused (they are listed with reasons); a document that is not
/// a JWKS makes the exit code 1; a file that cannot be read makes it 2.
/// </summary>
internal sealed class InspectCommand : AsyncCommand<InspectCommand.Settings>
{
    /// <summary>What the program passes for a lone <c>-</c> on the command line: read standard input.</summary>
    public const string StandardInput = "(stdin)";

    /// <summary>The arguments of <c>inspect</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The documents to parse; <c>-</c> reads standard input.</summary>
        [CommandArgument(0, "<FILE>")]
        [Description("JWKS documents to parse; '-' reads standard input.")]
        public string[] Files { get; init; } = [];

        /// <summary>Print one JSON object per document instead of tables.</summary>
        [CommandOption("--json")]
        [Description("Print one JSON object per document, one per line.")]
        public bool Json { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            Files.Count(file => file == StandardInput) > 1
                ? ValidationResult.Error("'-' (standard input) is given more than once; it can be read only once")
                : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(
        CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var exitCode = ExitCodes.Success;
        var maxKeys = JwksFetcherOptions.Create("inspect", new Uri("http://127.0.0.1/")).MaxKeys;

        foreach (var file in settings.Files)
        {
            var source = file;
            byte[] bytes;
            try
            {
                bytes = await ReadAsync(file, cancellationToken);
            }
            catch (Exception e) when (InputFile.IsUnreadable(e))
            {
                var unreadable = InputFile.Why(source, e);
                Terminal.WriteError($"inspect: {unreadable}.");
                if (settings.Json)
                {
                    // One object per file given, in order: a file that cannot be read is one too.
                    Console.Out.WriteLine(JwksJsonWriter.Invalid(source, unreadable));
                }

                exitCode = ExitCodes.Usage;
                continue;
            }

            var result = JwksParser.Parse(bytes, source, DateTimeOffset.UtcNow, maxKeys);
            if (result.IsJwks)
            {
                Show(settings.Json, source, result.Jwks);
                continue;
            }

            Terminal.WriteError($"inspect: {DocumentProblem.Why(source, result.Error, maxKeys)}");
            if (settings.Json)
            {
                Console.Out.WriteLine(
                    JwksJsonWriter.Invalid(source, DocumentProblem.Message(source, result.Error, maxKeys)));
            }

            exitCode = Math.Max(exitCode, ExitCodes.Failure);
        }

        return exitCode;
    }

    private static void Show(bool json, string source, Jwks jwks)
    {
        if (json)
        {
            Console.Out.WriteLine(JwksJsonWriter.Valid(source, jwks));
            return;
        }

        KeyTable.Write(Terminal.Out, source, jwks);
        Terminal.Out.WriteLine();
    }

    private static async Task<byte[]> ReadAsync(string file, CancellationToken cancellationToken)
    {
        if (file != StandardInput)
        {
            return await File.ReadAllBytesAsync(file, cancellationToken);
        }

        using var buffer = new MemoryStream();
        await using var stdin = Console.OpenStandardInput();
        // A console stream's read does not see the token (it blocks in read(2)), so Ctrl+C gives up the wait
        // instead; the abandoned read ends with the process.
        await stdin.CopyToAsync(buffer, cancellationToken).WaitAsync(cancellationToken);
        return buffer.ToArray();
    }
}
