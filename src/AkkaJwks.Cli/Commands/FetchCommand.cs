using System.ComponentModel;
using System.Diagnostics;
using AkkaJwks.Cli.Hosting;
using AkkaJwks.Cli.Output;
using AkkaJwks.Configuration;
using AkkaJwks.Http;
using AkkaJwks.Keys;
using Akka.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AkkaJwks.Cli.Commands;

/// <summary>
/// <c>fetch URL [--json] [--timeout D] [--header "Name: value"]...</c>: starts an ActorSystem, starts one fetcher
/// with sync init through the AkkaJwks extension, prints the keys of its first fetch and exits. A failed fetch
/// prints one sentence naming the failure kind on standard error and exits 1.
/// </summary>
internal sealed class FetchCommand : AsyncCommand<FetchCommand.Settings>
{
    private const string FetcherName = "fetch";

    /// <summary>The arguments of <c>fetch</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The JWKS endpoint.</summary>
        [CommandArgument(0, "<URL>")]
        [Description("The JWKS endpoint: https, or http on a loopback host.")]
        public string Url { get; init; } = "";

        /// <summary>Print one JSON object instead of a table.</summary>
        [CommandOption("--json")]
        [Description("Print one JSON object, on one line.")]
        public bool Json { get; init; }

        /// <summary>The budget of the fetch; the default is <c>request-timeout</c> of reference.conf.</summary>
        [CommandOption("--timeout <DURATION>")]
        [Description("The whole budget of the fetch, e.g. 5s or 500ms. Default: request-timeout in reference.conf.")]
        [TypeConverter(typeof(DurationConverter))]
        public TimeSpan? Timeout { get; init; }

        /// <summary>Extra request headers, each <c>Name: value</c>.</summary>
        [CommandOption("-H|--header <HEADER>")]
        [Description("An extra request header, \"Name: value\"; repeat for more.")]
        public string[] Headers { get; init; } = [];

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                var notUrl = $"'{JwksUrl.Redact(Url)}' is not an absolute http or https URL";
                return ValidationResult.Error(notUrl);
            }

            var problem = Headers.Select((header, i) => HeaderProblem(i + 1, header))
                .FirstOrDefault(found => found is not null)
                ?? RepeatedHeaderProblem(Headers);
            return problem is null ? ValidationResult.Success() : ValidationResult.Error(problem);
        }

        /// <summary>
        /// Why a header name is given twice in <paramref name="headers"/> (names compare ignoring case), or
        /// <see langword="null"/>. A repeat is refused rather than merged: a list value goes in one header, and a
        /// header that takes one value (Authorization) cannot be merged at all.
        /// </summary>
        internal static string? RepeatedHeaderProblem(IReadOnlyList<string> headers)
        {
            var first = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < headers.Count; i++)
            {
                var name = headers[i][..headers[i].IndexOf(':')].Trim();
                if (!first.TryAdd(name, i + 1))
                {
                    return $"--header #{i + 1} ({JwkDisplay.Safe(name)}) repeats the header name of --header "
                        + $"#{first[name]}: give each header once (the values are not shown); for a list, write "
                        + "its values in one header, separated by commas";
                }
            }

            return null;
        }

        /// <summary>
        /// Why the <paramref name="position"/>th <c>--header</c> cannot be sent, or <see langword="null"/>. A value
        /// may be a credential (a bearer token), so the answer never holds it: the header is named by its position
        /// and, when its name is a header name, by that name.
        /// </summary>
        internal static string? HeaderProblem(int position, string header)
        {
            var colon = header.IndexOf(':');
            var name = colon < 0 ? "" : header[..colon].Trim();
            if (name.Length == 0 || !name.All(IsNameCharacter))
            {
                return $"--header #{position} is not a header: expected \"Name: value\" with a header name "
                    + "before the colon (the value is not shown)";
            }

            // A tab is allowed inside a field value (RFC 9110 5.5); any other control character would end the line.
            if (header[(colon + 1)..].Any(c => char.IsControl(c) && c != '\t'))
            {
                return $"--header #{position} ({JwkDisplay.Safe(name)}) holds a control character in its value "
                    + "(the value is not shown); only tab is allowed";
            }

            // The same rule as a fetcher's headers in HOCON or code.
            return JwksHeaders.Refusal(name) is { } why
                ? $"--header #{position} ({name}) cannot be set: {why} (the value is not shown)"
                : null;
        }

        /// <summary>Splits <c>Name: value</c>, or answers <see langword="null"/> when it is not one.</summary>
        internal static KeyValuePair<string, string>? ParseHeader(string header) =>
            HeaderProblem(0, header) is null
                ? new KeyValuePair<string, string>(header[..header.IndexOf(':')].Trim(),
                    header[(header.IndexOf(':') + 1)..].Trim())
                : null;

        // RFC 9110 5.6.2: a field name is a token.
        private static bool IsNameCharacter(char c) =>
            char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(
        CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var url = new Uri(settings.Url);
        // Whatever the program prints shows the URL without its query or user-info: either may hold a credential.
        var shown = JwksUrl.Redact(url);
        var defaults = JwksFetcherOptions.Create(FetcherName, url);
        var options = defaults with
        {
            SyncInit = true,
            StopOnSyncInitFailure = true,
            RequestTimeout = settings.Timeout ?? defaults.RequestTimeout,
            Headers = settings.Headers.Select(h => Settings.ParseHeader(h)!.Value)
                .ToDictionary(StringComparer.OrdinalIgnoreCase),
        };

        using var system = CliActorSystem.Create(Config.Empty);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var extension = system.Jwks();
            await extension.StartFetcherAsync(options, cancellationToken: cancellationToken);
            var jwks = await extension.GetKeysAsync(FetcherName, cancellationToken: cancellationToken);
            stopwatch.Stop();

            if (settings.Json)
            {
                Console.Out.WriteLine(JwksJsonWriter.Valid(shown, jwks));
            }
            else
            {
                KeyTable.Write(Terminal.Out, shown, jwks);
                Terminal.Out.MarkupLine($"[grey]fetched in {CommandLineDuration.Format(stopwatch.Elapsed)}[/]");
            }

            return ExitCodes.Success;
        }
        catch (JwksConfigurationException e)
        {
            // The options came from the command line, so each problem is told in its terms, not as a HOCON path.
            foreach (var problem in e.Problems)
            {
                var option = problem.Path.EndsWith(".request-timeout", StringComparison.Ordinal)
                    ? $"--timeout {CommandLineDuration.Exact(options.RequestTimeout)}: "
                    : "";
                Terminal.WriteError($"fetch: {shown} cannot be fetched: {option}{problem.Expected}.");
            }

            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var sentence = Describe(shown, e);
            Terminal.WriteError(sentence);
            // A set with no usable key fails the fetch; its refused keys say why (kid and reason, no material).
            var refused = FetchError(e)?.Refused ?? [];
            foreach (var key in refused)
            {
                Terminal.WriteError($"fetch: {RefusedText.Of(key)}");
            }

            if (settings.Json)
            {
                Console.Out.WriteLine(JwksJsonWriter.Invalid(shown, sentence, refused));
            }

            return ExitCodes.Failure;
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static JwksFetchException? FetchError(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is JwksFetchException fetch)
            {
                return fetch;
            }
        }

        return null;
    }

    private static string Describe(string url, Exception exception)
    {
        if (FetchError(exception) is { } fetch)
        {
            return $"fetch: {url} failed ({ReasonName.Of(fetch.Kind)}): {OneLine(fetch.Message)}";
        }

        var kind = exception is TimeoutException or Akka.Actor.AskTimeoutException ? "timeout" : "other";
        return $"fetch: {url} failed ({kind}): {OneLine(exception.Message)}";
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
