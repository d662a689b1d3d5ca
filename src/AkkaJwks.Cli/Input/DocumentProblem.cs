using AkkaJwks.Keys;

namespace AkkaJwks.Cli.Input;

/// <summary>Why a local document (<c>inspect</c>, <c>serve</c>) is not a JWKS, in the program's terms.</summary>
internal static class DocumentProblem
{
    /// <summary>
    /// The parser's sentence for <paramref name="error"/>, without its advice to raise <c>max-keys</c> for a
    /// document with too many keys: the program has no such option, so it says which limit fetchers apply.
    /// </summary>
    public static string Message(string source, JwksDocumentError error, int maxKeys) =>
        error.Kind == JwksDocumentErrorKind.TooManyKeys
            ? $"the document from {source} holds more keys than the limit of {maxKeys} that fetchers apply (max-keys "
                + "in reference.conf), so a fetcher would refuse it"
            : error.Message;

    /// <summary>The whole sentence, naming <paramref name="source"/> once.</summary>
    public static string Why(string source, JwksDocumentError error, int maxKeys)
    {
        var message = Message(source, error, maxKeys);
        return message.Contains(source, StringComparison.Ordinal) ? message : $"{source} is not a JWKS: {message}";
    }
}
