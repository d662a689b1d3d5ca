namespace AkkaJwks.Cli.Input;

/// <summary>
/// Finds a brace or bracket of a HOCON text that closes nothing, closes the wrong thing or is never closed, and a
/// quoted string not closed on its line. Akka's HOCON parser does not report these: it stops reading at a stray
/// <c>}</c> and drops the rest of the file without a word, so a fetcher after it would silently be missing, and
/// it reads an unclosed string to the end of its line, closing braces included. Strings (quoted and triple-quoted),
/// comments (<c>#</c> and <c>//</c>) and substitutions (<c>${...}</c>) are skipped, as HOCON reads them.
/// </summary>
internal static class HoconBrackets
{
    /// <summary>
    /// The first such problem, as "the '}' at line L, column C closes nothing", or <see langword="null"/>.
    /// </summary>
    public static string? FindProblem(string text)
    {
        var open = new Stack<(char Bracket, int Line, int Column)>();
        var (line, lineStart) = (1, 0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var column = i - lineStart + 1;
            switch (c)
            {
                case '\n':
                    (line, lineStart) = (line + 1, i + 1);
                    break;
                case '#':
                case '/' when At(text, i, "//"):
                    i = EndOfLine(text, i) - 1;
                    break;
                case '"' when At(text, i, "\"\"\""):
                    i = Skip(text, i + 3, "\"\"\"", ref line, ref lineStart) + 2;
                    break;
                case '"':
                    i = EndOfString(text, i + 1);
                    if (i < 0)
                    {
                        return $"the string opened at line {line}, column {column} is not closed on its line";
                    }

                    break;
                case '$' when At(text, i, "${"):
                    i = Skip(text, i + 2, "}", ref line, ref lineStart);
                    break;
                case '{' or '[':
                    open.Push((c, line, column));
                    break;
                case '}' or ']':
                    var expected = c == '}' ? '{' : '[';
                    if (open.Count == 0)
                    {
                        return $"the '{c}' at line {line}, column {column} closes nothing";
                    }

                    var opened = open.Pop();
                    if (opened.Bracket != expected)
                    {
                        return $"the '{c}' at line {line}, column {column} does not close the '{opened.Bracket}' " +
                            $"opened at line {opened.Line}, column {opened.Column}";
                    }

                    break;
            }
        }

        if (open.Count == 0)
        {
            return null;
        }

        var unclosed = open.Pop();
        return $"the '{unclosed.Bracket}' opened at line {unclosed.Line}, column {unclosed.Column} is never closed";
    }

    private static bool At(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    private static int EndOfLine(string text, int index)
    {
        var end = text.IndexOf('\n', index);
        return end < 0 ? text.Length : end;
    }

    // A quoted string ends at its unescaped closing quote on the same line; -1 when there is none.
    private static int EndOfString(string text, int index)
    {
        for (var i = index; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '"':
                    return i;
                case '\n':
                    return -1;
            }
        }

        return -1;
    }

    // Skips to the end of a multi-line token; answers the index of the closing token's first character.
    private static int Skip(string text, int index, string close, ref int line, ref int lineStart)
    {
        var end = text.IndexOf(close, index, StringComparison.Ordinal);
        end = end < 0 ? text.Length : end;
        for (var i = index; i < end; i++)
        {
            if (text[i] == '\n')
            {
                (line, lineStart) = (line + 1, i + 1);
            }
        }

        return end;
    }
}
