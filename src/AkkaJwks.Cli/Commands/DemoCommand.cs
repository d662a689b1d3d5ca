using System.ComponentModel;
using System.Globalization;
using Akka.Configuration;
using AkkaJwks.Actors;
using AkkaJwks.Cli.Demo;
using AkkaJwks.Cli.Hosting;
using AkkaJwks.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AkkaJwks.Cli.Commands;

/// <summary>
/// <c>demo [--duration D]</c>, also what <c>akka-jwks</c> alone runs: an issuer on 127.0.0.1 that rotates its RSA
/// and EC keys, a fetcher for it from <c>hocon/demo.conf</c> started through the AkkaJwks extension, and a
/// stream of tokens signed by the issuer and validated through AkkaJwks. It ends with one line,
/// <c>demo: validated N tokens, F failed, R key rotations</c>, and exits 0 only when F is 0.
/// </summary>
internal sealed class DemoCommand : AsyncCommand<DemoCommand.Settings>
{
    /// <summary>The arguments of <c>demo</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>How long the demo runs; until Ctrl+C when absent.</summary>
        [CommandOption("-d|--duration <DURATION>")]
        [Description("Stop after this long, e.g. 10s or 2m. Default: until Ctrl+C.")]
        [TypeConverter(typeof(DurationConverter))]
        public TimeSpan? Duration { get; init; }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(
        CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var demo = DemoSettings.Load();
        var log = new LiveLog();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var issuer = new RotatingIssuer();
        // Ctrl+C is how the demo ends, start-up included: the issuer starts whatever comes (it takes milliseconds),
        // and a demo interrupted before its first keys ends below with its summary line, nothing validated.
        await using var server = await DocumentServer.StartAsync(0, () => issuer.Document, CancellationToken.None);
        log.Markup(EventText.Line(DateTimeOffset.Now, "issuer", "magenta", "demo",
            $"publishes {Kids(issuer.Signers)} at {Markup.Escape(server.JwksUrl.ToString())}, rotating every "
            + CommandLineDuration.Format(demo.RotationInterval)));

        var config = ConfigurationFactory
            .ParseString($"akka.jwks.fetchers.{DemoSettings.FetcherName}.url = \"{server.JwksUrl}\"")
            .WithFallback(demo.Config);
        using var system = CliActorSystem.Create(config);
        TelemetrySubscription.Start(system, telemetryEvent =>
        {
            if (EventText.Format(telemetryEvent) is { } line)
            {
                log.Markup(line);
            }
        });

        var extension = system.Jwks();
        var validator = new TokenValidator(
            (kid, alg) => extension.GetKeyAsync(DemoSettings.FetcherName, kid, alg).AsTask());
        var stats = new ValidationStats();

        // Like a service that reports ready once it holds keys: tokens are signed only after the first fetch, so
        // a slow start (a loaded machine) is never mistaken for a failed validation.
        try
        {
            await extension.GetKeysAsync(DemoSettings.FetcherName, cancellationToken: cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted before the first keys: the demo ends at once with nothing validated.
        }
        catch (Exception e) when (e is KeysNotReadyException or Akka.Actor.AskTimeoutException)
        {
            Terminal.WriteError($"demo: the fetcher got no keys from the demo's own issuer: {e.Message}");
            await system.Terminate();
            return ExitCodes.Failure;
        }

        // The duration counts from here, so a slow start (a loaded machine) does not eat into the demo itself.
        if (settings.Duration is { } duration)
        {
            stopping.CancelAfter(duration);
        }

        await Task.WhenAll(
            RotateAsync(issuer, demo.RotationInterval, log, stopping.Token),
            SignAndValidateAsync(issuer, server.JwksUrl, validator, stats, demo.TokenInterval, log, stopping.Token),
            SummarizeAsync(stats, demo.SummaryInterval, log, stopping.Token));
        await system.Terminate();

        Console.Out.WriteLine(
            $"demo: validated {stats.Total} tokens, {stats.Failed} failed, {issuer.Rotations} key rotations");
        return stats.Failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static async Task RotateAsync(
        RotatingIssuer issuer, TimeSpan interval, LiveLog log, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(interval);
        while (await TickAsync(timer, stopping))
        {
            var (added, retired) = issuer.Rotate();
            var retiredText = retired.Count == 0 ? "" : $"; retired {string.Join(", ", retired)}";
            log.Markup(EventText.Line(DateTimeOffset.Now, "rotate", "magenta", "demo", Markup.Escape(
                $"rotation {issuer.Rotations}: published {string.Join(", ", added)} and signs with them now"
                + retiredText)));
        }
    }

    private static async Task SignAndValidateAsync(
        RotatingIssuer issuer, Uri issuerUrl, TokenValidator validator, ValidationStats stats, TimeSpan interval,
        LiveLog log, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(interval);
        var count = 0;
        while (await TickAsync(timer, stopping))
        {
            var signers = issuer.Signers;
            var key = signers[count++ % signers.Count];
            var token = JwtSigner.Sign(key, issuerUrl.GetLeftPart(UriPartial.Authority), $"user-{count}",
                DateTimeOffset.UtcNow);

            var failure = await validator.ValidateAsync(token);
            stats.Add(key.Alg, failure is null);
            if (failure is not null)
            {
                log.Markup(EventText.Line(DateTimeOffset.Now, "invalid", "red", "demo",
                    Markup.Escape($"a token signed by {key.Kid} ({key.Alg}) failed: {failure}")));
            }
        }
    }

    private static async Task SummarizeAsync(
        ValidationStats stats, TimeSpan interval, LiveLog log, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(interval);
        while (await TickAsync(timer, stopping))
        {
            var (byAlg, failed) = stats.TakeWindow();
            var perAlg = string.Join(", ", byAlg.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}")));
            var failedMarkup = failed == 0 ? "[green]0 failed[/]" : $"[red]{failed} failed[/]";
            log.Markup(EventText.Line(DateTimeOffset.Now, "tokens", "cyan", "demo",
                $"{byAlg.Values.Sum()} validated ({Markup.Escape(perAlg)}), {failedMarkup}; {stats.Total} in all"));
        }
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string Kids(IEnumerable<IssuerKey> keys) =>
        Markup.Escape(string.Join(", ", keys.Select(key => $"{key.Kid} ({key.Alg})")));
}
