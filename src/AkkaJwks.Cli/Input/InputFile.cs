namespace AkkaJwks.Cli.Input;

/// <summary>
/// A file named on the command line. One that cannot be read (missing, no permission, a directory) is a usage
/// error in every command, told in one sentence that names it.
/// </summary>
internal static class InputFile
{
    /// <summary>Whether <paramref name="exception"/> is what reading a file throws when it cannot be read.</summary>
    public static bool IsUnreadable(Exception exception) =>
        exception is IOException or UnauthorizedAccessException;

    /// <summary>Why <paramref name="path"/> could not be read, when reading it threw <paramref name="exception"/>.
    /// </summary>
    public static string Why(string path, Exception exception) =>
        // .NET says "access denied" for a directory, which sends a person looking at permissions.
        Directory.Exists(path)
            ? $"{path} is a directory, expected a file"
            : $"cannot read {path}: {exception.Message.ReplaceLineEndings(" ").TrimEnd('.')}";
}
