using System.Text;
using System.Text.RegularExpressions;
using Akka.Configuration;

namespace AkkaJwks.Cli.Input;

/// <summary>
/// A HOCON file named on the command line, read and parsed by Akka's parser. A file that is not HOCON text (binary,
/// not UTF-8, a syntax error) is refused with a <see cref="FormatException"/> whose message is one sentence naming the
/// file, the place and what was expected; a file that cannot be read throws as <see cref="File"/> does.
/// </summary>
internal static partial class HoconFile
{
    private static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads <paramref name="path"/> and parses it as HOCON.</summary>
    public static async Task<Config> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var text = Decode(path, await File.ReadAllBytesAsync(path, cancellationToken));
        if (HoconBrackets.FindProblem(text) is { } problem)
        {
            throw new FormatException($"{path} is not valid HOCON: {problem}; expected a HOCON file");
        }

        try
        {
            return ConfigurationFactory.ParseString(text);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new FormatException($"{path} is not valid HOCON: {Describe(e.Message, text)}; expected a HOCON file");
        }
    }

    private static string Decode(string path, byte[] bytes)
    {
        var binary = $"{path} is not a HOCON file: it holds binary data";
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw new FormatException($"{binary} (a NUL byte at offset {nul}); expected a HOCON text file");
        }

        try
        {
            return StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException(
                $"{binary} (bytes at offset {e.Index} are not UTF-8); expected a HOCON text file");
        }
    }

    // Akka's messages run over several lines (the whole text, then a caret) and count characters from the start; the
    // first line is the sentence, and a position is told as a line and column.
    private static string Describe(string message, string text)
    {
        var first = message.ReplaceLineEndings("\n").Split('\n')[0].Trim().TrimEnd(':', '.').Trim();
        return Position().Replace(first, match =>
        {
            var at = Math.Clamp(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                0, text.Length);
            var line = text.AsSpan(0, at).Count('\n') + 1;
            var column = at - (text.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1) + 1;
            return $"at line {line}, column {column}";
        });
    }

    [GeneratedRegex(@"at position (\d+)")]
    private static partial Regex Position();
}
