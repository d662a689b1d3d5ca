using Spectre.Console;

namespace AkkaJwks.Cli.Output;

/// <summary>
/// The program's two consoles. Spectre decides colour: ANSI only when the stream is a terminal. When a
/// stream is redirected, its lines are not wrapped (Spectre would break them at 80 columns), so scripts read
/// whole lines.
/// </summary>
internal static class Terminal
{
    private const int RedirectedWidth = 4096;

    /// <summary>Standard output.</summary>
    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    /// <summary>Standard error: one-sentence errors and warnings.</summary>
    public static IAnsiConsole Error { get; } = Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>Writes <paramref name="sentence"/> to standard error, in red on a terminal.</summary>
    public static void WriteError(string sentence) =>
        Error.MarkupLine($"[red]{Markup.Escape(sentence)}[/]");

    /// <summary>Writes <paramref name="sentence"/> to standard error, in yellow on a terminal.</summary>
    public static void WriteWarning(string sentence) =>
        Error.MarkupLine($"[yellow]{Markup.Escape(sentence)}[/]");

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
