using AkkaJwks.Cli;

namespace AkkaJwks.Tests.Cli;

/// <summary>
/// Options that take a value, given without one or twice: Spectre.Console.Cli would bind its internal
/// <c>__default_command</c> or keep the last value without a word; the program refuses both as usage errors.
/// </summary>
public class CommandLineCheckTests
{
    public static TheoryData<string[], string> MissingValues => new()
    {
        { ["watch", "-c"], "watch -c needs a value: FILE, a HOCON file with fetchers under akka.jwks.fetchers" },
        { ["watch", "--config"], "watch --config needs a value: FILE, a HOCON file" },
        { ["watch", "--config", "--json"], "watch --config needs a value: FILE" },
        { ["watch", "-c", "a.conf", "-d"], "watch -d needs a value: DURATION, a duration such as 10s or 2m" },
        { ["watch", "-c", "a.conf", "--duration"], "watch --duration needs a value: DURATION" },
        { ["demo", "--duration"], "demo --duration needs a value: DURATION" },
        { ["-d"], "demo -d needs a value: DURATION" },
        { ["fetch", "https://issuer.test/jwks", "--timeout"], "fetch --timeout needs a value: DURATION" },
        { ["fetch", "https://issuer.test/jwks", "-H"], "fetch -H needs a value: HEADER, a header \"Name: value\"" },
        { ["fetch", "https://issuer.test/jwks", "--header", "--json"], "fetch --header needs a value: HEADER" },
        { ["serve", "keys.json", "--port"], "serve --port needs a value: PORT, a port from 0 to 65535" },
        { ["serve", "keys.json", "-p"], "serve -p needs a value: PORT" },
    };

    public static TheoryData<string[], string> Repeated => new()
    {
        { ["watch", "--config", "a.conf", "--config", "b.conf"], "watch --config is given more than once" },
        { ["watch", "-c", "a.conf", "--config=b.conf"], "watch --config is given more than once" },
        { ["watch", "-c", "a.conf", "-d", "1s", "--duration:2s"], "watch --duration is given more than once" },
        { ["demo", "-d", "1s", "-d", "2s"], "demo --duration is given more than once" },
        { ["fetch", "https://issuer.test/jwks", "--timeout", "1s", "--timeout", "2s"],
            "fetch --timeout is given more than once" },
        { ["serve", "keys.json", "-p", "1", "--port", "2"], "serve --port is given more than once" },
    };

    [Theory]
    [InlineData("demo", typeof(AkkaJwks.Cli.Commands.DemoCommand.Settings))]
    [InlineData("inspect", typeof(AkkaJwks.Cli.Commands.InspectCommand.Settings))]
    [InlineData("fetch", typeof(AkkaJwks.Cli.Commands.FetchCommand.Settings))]
    [InlineData("serve", typeof(AkkaJwks.Cli.Commands.ServeCommand.Settings))]
    [InlineData("watch", typeof(AkkaJwks.Cli.Commands.WatchCommand.Settings))]
    public void ValueOptions_OfEachCommand_AreTheOptionsItsSettingsDeclareWithAValue(string command, Type settings)
    {
        // "-c|--config <FILE>" takes a value, "--json" does not: a new option with a value must be checked too.
        var declared = settings.GetProperties()
            .Select(p => p.GetCustomAttributes(typeof(Spectre.Console.Cli.CommandOptionAttribute), false)
                .Cast<Spectre.Console.Cli.CommandOptionAttribute>().SingleOrDefault())
            .Where(option => option is not null && option.ValueName is not null)
            .Select(option => string.Join("|",
                option!.ShortNames.Select(n => "-" + n).Concat(option.LongNames.Select(n => "--" + n))))
            .Order();

        Assert.Equal(declared, CommandLineCheck.ValueOptions[command].Order());
    }

    [Theory]
    [MemberData(nameof(MissingValues))]
    public void Problem_OptionWithoutValue_NamesTheOptionAndWhatItTakes(string[] args, string expected)
    {
        var problem = CommandLineCheck.Problem(args);

        Assert.NotNull(problem);
        Assert.StartsWith(expected, problem);
        Assert.DoesNotContain("__default_command", problem);
    }

    [Theory]
    [MemberData(nameof(Repeated))]
    public void Problem_SingleValueOptionGivenTwice_NamesTheOption(string[] args, string expected)
    {
        Assert.Equal(expected + ", but it takes one value", CommandLineCheck.Problem(args));
    }

    [Theory]
    [InlineData("watch", "--config", "a.conf", "--duration", "-1s")]
    [InlineData("watch", "--config=a.conf", "--json")]
    [InlineData("fetch", "https://issuer.test/jwks", "-H", "X-A: 1", "-H", "X-B: 2")]
    [InlineData("inspect", "-", "--json")]
    [InlineData("serve", "keys.json", "--port", "0")]
    [InlineData("demo")]
    public void Problem_WellFormedCommandLine_IsNone(params string[] args)
    {
        Assert.Null(CommandLineCheck.Problem(args));
    }

    [Theory]
    [InlineData("watch", "-c")]
    [InlineData("watch", "--config", "CONFIG", "--config", "CONFIG")]
    [InlineData("watch", "--config", "CONFIG", "-d")]
    public async Task Watch_ConfigOrDurationWithoutValueOrTwice_IsUsageErrorNamingTheOption(params string[] args)
    {
        using var config = TempFile.Write("twice.conf", """
            akka.jwks.fetchers.twice { url = "http://127.0.0.1:1/jwks" }
            """);

        var result = await CliProcess.RunAsync(args.Select(arg => arg == "CONFIG" ? config.Path : arg));

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"akka-jwks: watch {(args.Contains("-d") ? "-d" : args[1])} ", error);
        Assert.DoesNotContain("__default_command", error);
        Assert.Empty(result.StdOut);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("70000")]
    [InlineData("-5")]
    public async Task Serve_PortThatIsNotAPort_IsUsageErrorNamingPortAndWhatIsExpected(string port)
    {
        using var file = TempFile.Write("port.json", "{\"keys\":[]}");

        var result = await CliProcess.RunAsync(["serve", file.Path, "--port", port]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(
            [$"akka-jwks: --port '{port}' is not a port: expected a whole number from 0 to 65535 (0 picks a free one); "
                + "run 'akka-jwks --help' for usage."],
            result.ErrorLines);
    }
}
