using System.Runtime.InteropServices;
using AkkaJwks.Cli;
using AkkaJwks.Cli.Commands;
using AkkaJwks.Cli.Output;
using Spectre.Console.Cli;

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C asks the command to wind down and print its summary; a second one is not intercepted.
    e.Cancel = !stopping.IsCancellationRequested;
    stopping.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stopping.Cancel();
});

var app = new CommandApp<DemoCommand>();
app.Configure(config =>
{
    config.SetApplicationName("akka-jwks");
    config.PropagateExceptions();
    // An option the command does not know is a usage error, not silently ignored.
    config.Settings.StrictParsing = true;
    config.AddCommand<DemoCommand>("demo")
        .WithDescription("Run an issuer that rotates its keys and validate its tokens through AkkaJwks (default).");
    config.AddCommand<InspectCommand>("inspect")
        .WithDescription("Parse JWKS documents from files ('-' is standard input) and show their keys.")
        .WithExample("inspect", "google-certs.json")
        .WithExample("inspect", "--json", "google-certs.json", "entra-keys.json");
    config.AddCommand<FetchCommand>("fetch")
        .WithDescription("Fetch a JWKS once through a fetcher actor and show its keys.")
        .WithExample("fetch", "https://www.googleapis.com/oauth2/v3/certs");
    config.AddCommand<ServeCommand>("serve")
        .WithDescription("Serve a file at http://127.0.0.1:PORT/.well-known/jwks.json until Ctrl+C.")
        .WithExample("serve", "google-certs.json", "--port", "8080");
    config.AddCommand<WatchCommand>("watch")
        .WithDescription("Run the fetchers of a HOCON file and show their events until Ctrl+C.")
        .WithExample("watch", "--config", "fetchers.conf");
});

if (CommandLineCheck.Problem(args) is { } problem)
{
    Terminal.WriteError($"akka-jwks: {problem}; run 'akka-jwks --help' for usage.");
    return ExitCodes.Usage;
}

// Spectre.Console.Cli reads a lone '-' as an option with no name, so it is passed to commands under another name.
var arguments = args.Select(arg => arg == "-" ? InspectCommand.StandardInput : arg);
try
{
    return await app.RunAsync(arguments, stopping.Token);
}
catch (CommandAppException e)
{
    // A bad duration or port surfaces as Spectre's conversion failure; the converter's own sentence says more.
    var message = e.InnerException is FormatException format ? OptionOf(format) + format.Message : e.Message;
    Terminal.WriteError($"akka-jwks: {message.TrimEnd('.')}; run 'akka-jwks --help' for usage.");
    return ExitCodes.Usage;
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    Terminal.WriteError("akka-jwks: stopped before the command finished.");
    return ExitCodes.Failure;
}
catch (Exception e)
{
    Terminal.WriteError($"akka-jwks: failed unexpectedly: {e.GetType().Name}: {e.Message}");
    return ExitCodes.Failure;
}

// Spectre's conversion failure does not say which option was being read: the value the converter refused
// (CommandLineDuration.ValueKey) is found after its option on the command line, "--port x" or "--port=x".
string OptionOf(FormatException format)
{
    if (format.Data[CommandLineDuration.ValueKey] is not string value)
    {
        return "";
    }

    for (var i = 0; i < args.Length; i++)
    {
        if (!args[i].StartsWith('-'))
        {
            continue;
        }

        if (i + 1 < args.Length && args[i + 1] == value)
        {
            return args[i] + " ";
        }

        foreach (var separator in new[] { '=', ':' })
        {
            if (args[i].EndsWith(separator + value, StringComparison.Ordinal))
            {
                return args[i][..^(value.Length + 1)] + " ";
            }
        }
    }

    return "";
}
