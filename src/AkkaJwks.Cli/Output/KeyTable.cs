using AkkaJwks.Keys;
using Spectre.Console;

namespace AkkaJwks.Cli.Output;

/// <summary>The human view of a key set: a table of the accepted keys, then the refused ones with reasons.</summary>
internal static class KeyTable
{
    /// <summary>Writes <paramref name="jwks"/> from <paramref name="source"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, string source, Jwks jwks)
    {
        console.MarkupLine(
            $"[bold]{Markup.Escape(source)}[/]: {jwks.Keys.Length} key(s) accepted, {jwks.Refused.Length} refused");

        if (jwks.Keys.Length > 0)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var column in new[] { "kid", "kty", "alg", "use", "size/curve", "thumbprint (SHA-256)" })
            {
                table.AddColumn(new TableColumn(column).NoWrap());
            }

            foreach (var row in jwks.Keys.Select(KeyRow.From))
            {
                table.AddRow(
                    Cell(row.Kid), Cell(row.Kty), Cell(row.Alg), Cell(row.Use), Cell(SizeOrCurve(row)),
                    Cell(row.Thumbprint));
            }

            console.Write(table);
        }

        foreach (var row in jwks.Keys.Select(KeyRow.From).Where(row => !row.Signing))
        {
            var name = row.Kid is null ? $"thumbprint {row.Thumbprint}" : $"kid {row.Kid}";
            var what = string.Join(", ", new[] { row.Kty + (row.Crv is null ? "" : " " + row.Crv), Use(row.Use) }
                .Where(part => part is not null));
            console.MarkupLine($"[grey]kept, not for signatures:[/] {Markup.Escape($"{name} ({what})")}");
        }

        foreach (var refused in jwks.Refused)
        {
            var kid = refused.Kid is null ? "no kid" : $"kid {KeyRow.Shown(refused.Kid)}";
            console.MarkupLine(
                $"[yellow]refused[/] key #{refused.Index} ({Markup.Escape(kid)}): {Markup.Escape(refused.Reason)}");
        }
    }

    private static string? Use(string? use) => use is null ? null : $"use {use}";

    private static string? SizeOrCurve(KeyRow row) =>
        row.Crv ?? (row.Size is { } size ? $"{size} bits" : null);

    private static Markup Cell(string? value) =>
        value is null ? new Markup("[grey]-[/]") : new Markup(Markup.Escape(value));
}
