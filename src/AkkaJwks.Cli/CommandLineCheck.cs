namespace AkkaJwks.Cli;

/// <summary>
/// Checks what Spectre.Console.Cli lets through on the command line: an option that takes a value given without one
/// (Spectre would bind its internal name <c>__default_command</c> as the value) and an option that takes one value
/// given twice (Spectre would keep the last without a word). Everything else is left to Spectre.
/// </summary>
internal static class CommandLineCheck
{
    private static readonly ValueOption Duration = new("-d", "--duration", "DURATION", "a duration such as 10s or 2m");

    private static readonly ValueOption Timeout = new("", "--timeout", "DURATION", "a duration such as 5s or 500ms");

    private static readonly ValueOption Header = new("-H", "--header", "HEADER", "a header \"Name: value\"")
    {
        Repeatable = true,
    };

    private static readonly ValueOption Port = new("-p", "--port", "PORT", "a port from 0 to 65535");

    private static readonly ValueOption Config = new(
        "-c", "--config", "FILE", "a HOCON file with fetchers under akka.jwks.fetchers");

    private static readonly Dictionary<string, ValueOption[]> Commands = new(StringComparer.Ordinal)
    {
        ["demo"] = [Duration],
        ["inspect"] = [],
        ["fetch"] = [Timeout, Header],
        ["serve"] = [Port],
        ["watch"] = [Config, Duration],
    };

    /// <summary>The options that take a value, by command, as "-s|--long" (or "--long"), for a test.</summary>
    internal static IReadOnlyDictionary<string, string[]> ValueOptions =>
        Commands.ToDictionary(
            command => command.Key,
            command => command.Value.Select(o => o.Short.Length > 0 ? $"{o.Short}|{o.Long}" : o.Long).ToArray());

    /// <summary>
    /// The usage error in <paramref name="args"/>, one sentence without the leading program name, or
    /// <see langword="null"/> when there is none of these.
    /// </summary>
    public static string? Problem(IReadOnlyList<string> args)
    {
        // akka-jwks alone, or with options only, runs demo.
        var named = args.Count > 0 && Commands.ContainsKey(args[0]);
        var command = named ? args[0] : "demo";
        var options = Commands[command];
        var seen = new HashSet<ValueOption>();

        for (var i = named ? 1 : 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                break;
            }

            var option = options.FirstOrDefault(o => o.Names(arg));
            var inline = option is null ? options.FirstOrDefault(o => o.NamesWithValue(arg)) : null;
            if (option is null && inline is null)
            {
                continue;
            }

            var found = option ?? inline!;
            if (!seen.Add(found) && !found.Repeatable)
            {
                return $"{command} {found.Long} is given more than once, but it takes one value";
            }

            if (option is null)
            {
                continue;
            }

            if (i + 1 >= args.Count || IsOptionName(args[i + 1]))
            {
                return $"{command} {arg} needs a value: {found.Value}, {found.Meaning}";
            }

            i++;
        }

        return null;
    }

    // "-c" or "--json" names an option; "-" (standard input) and "-1s" (a refused duration) are values.
    private static bool IsOptionName(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal)
        || (arg.Length > 1 && arg[0] == '-' && char.IsAsciiLetter(arg[1]));

    private sealed record ValueOption(string Short, string Long, string Value, string Meaning)
    {
        public bool Repeatable { get; init; }

        public bool Names(string arg) => arg == Long || (Short.Length > 0 && arg == Short);

        // Spectre also reads "--config=x", "--config:x", "-c=x" and "-c:x".
        public bool NamesWithValue(string arg) =>
            new[] { Long, Short }.Where(name => name.Length > 0)
                .Any(name => arg.StartsWith(name + "=", StringComparison.Ordinal)
                    || arg.StartsWith(name + ":", StringComparison.Ordinal));
    }
}
