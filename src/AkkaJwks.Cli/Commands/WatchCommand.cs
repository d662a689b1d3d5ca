using System.ComponentModel;
using Akka.Actor;
using Akka.Configuration;
using AkkaJwks.Cli.Hosting;
using AkkaJwks.Cli.Input;
using AkkaJwks.Cli.Output;
using AkkaJwks.Configuration;
using AkkaJwks.Http;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AkkaJwks.Cli.Commands;

/// <summary>
/// <c>watch --config FILE [--duration D] [--json]</c>: runs the fetchers under <c>akka.jwks.fetchers</c> of a
/// HOCON file through the AkkaJwks extension and prints their events until Ctrl+C or the end of the duration.
/// A configuration that does not validate prints every problem on standard error and exits 2.
/// </summary>
internal sealed class WatchCommand : AsyncCommand<WatchCommand.Settings>
{
    /// <summary>The arguments of <c>watch</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The HOCON file with <c>akka.jwks.fetchers</c>.</summary>
        [CommandOption("-c|--config <FILE>")]
        [Description("A HOCON file with fetchers under akka.jwks.fetchers (required).")]
        public string? Config { get; init; }

        /// <summary>How long to watch; until Ctrl+C when absent.</summary>
        [CommandOption("-d|--duration <DURATION>")]
        [Description("Stop after this long, e.g. 30s or 5m. Default: until Ctrl+C.")]
        [TypeConverter(typeof(DurationConverter))]
        public TimeSpan? Duration { get; init; }

        /// <summary>Print one JSON object per event.</summary>
        [CommandOption("--json")]
        [Description("Print one JSON object per event, one per line.")]
        public bool Json { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Config)
                ? ValidationResult.Error("watch needs --config FILE, a HOCON file with akka.jwks.fetchers")
                : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(
        CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var file = settings.Config!;
        Config config;
        JwksSettings jwksSettings;
        try
        {
            config = await HoconFile.ReadAsync(file, cancellationToken);
            jwksSettings = JwksSettings.Create(config);
        }
        catch (Exception e) when (InputFile.IsUnreadable(e))
        {
            Terminal.WriteError($"watch: {InputFile.Why(file, e)}.");
            return ExitCodes.Usage;
        }
        catch (JwksConfigurationException e)
        {
            Terminal.WriteError($"watch: {file}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (FormatException e)
        {
            Terminal.WriteError($"watch: {e.Message}.");
            return ExitCodes.Usage;
        }
        catch (ConfigurationException e)
        {
            Terminal.WriteError($"watch: {file} is not valid HOCON: {OneLine(e.Message)}; expected a HOCON file.");
            return ExitCodes.Usage;
        }

        if (jwksSettings.Fetchers.Count == 0)
        {
            Terminal.WriteError($"watch: {file} has no fetchers under akka.jwks.fetchers: nothing to watch.");
            return ExitCodes.Usage;
        }

        ActorSystem system;
        try
        {
            system = CliActorSystem.Create(config);
        }
        catch (Exception e)
        {
            // Nothing of the program's own can fail here: the file's settings are what the system refused.
            Terminal.WriteError(
                $"watch: {file}: the ActorSystem cannot start with this configuration: {OneLine(e.Message)}.");
            return ExitCodes.Usage;
        }

        using var running = system;
        if (!settings.Json)
        {
            var names = string.Join(", ", jwksSettings.Fetchers.Select(f => $"{f.Name} ({JwksUrl.Redact(f.Url)})"));
            Terminal.Out.MarkupLine($"watching {Markup.Escape(names)}; Ctrl+C stops");
        }

        var view = new WatchView(settings.Json);
        var listener = TelemetrySubscription.Start(system, view.Print);
        // The extension starts the file's fetchers; the listener already hears their first events.
        system.Jwks();

        await WaitAsync(settings.Duration, cancellationToken);

        // Events are printed by the listener as they come; the closing lines must come after the last of them.
        await TelemetrySubscription.StopAsync(system, listener);
        if (!settings.Json)
        {
            foreach (var fetcher in jwksSettings.Fetchers)
            {
                Terminal.Out.MarkupLine(Markup.Escape(view.Summary(fetcher.Name)));
            }
        }

        await system.Terminate();
        return ExitCodes.Success;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim().TrimEnd('.');

    private static async Task WaitAsync(TimeSpan? duration, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(duration ?? Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C ends the watch like the end of --duration does.
        }
    }
}
