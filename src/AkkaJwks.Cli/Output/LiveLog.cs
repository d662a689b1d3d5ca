using Spectre.Console;

namespace AkkaJwks.Cli.Output;

/// <summary>Live lines from several threads (actor events, timers) written whole, one at a time.</summary>
internal sealed class LiveLog
{
    private readonly object _gate = new();

    /// <summary>Writes one line of Spectre markup to standard output.</summary>
    public void Markup(string markup)
    {
        lock (_gate)
        {
            Terminal.Out.MarkupLine(markup);
        }
    }

    /// <summary>Writes one line of plain text to standard output.</summary>
    public void Plain(string text) => Markup(Spectre.Console.Markup.Escape(text));
}
