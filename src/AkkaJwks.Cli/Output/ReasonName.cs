using AkkaJwks.Http;

namespace AkkaJwks.Cli.Output;

/// <summary>Failure kinds as the program prints them: <c>http-status</c>, <c>timeout</c>, <c>not-jwks</c>...</summary>
internal static class ReasonName
{
    /// <summary>The kebab-case name of <paramref name="kind"/>.</summary>
    public static string Of(FetchFailureKind kind) => kind switch
    {
        FetchFailureKind.HttpStatus => "http-status",
        FetchFailureKind.Timeout => "timeout",
        FetchFailureKind.ConnectionRefused => "connection-refused",
        FetchFailureKind.ConnectionReset => "connection-reset",
        FetchFailureKind.Dns => "dns",
        FetchFailureKind.Tls => "tls",
        FetchFailureKind.ResponseTooLarge => "response-too-large",
        FetchFailureKind.Truncated => "truncated",
        FetchFailureKind.NotJson => "not-json",
        FetchFailureKind.NotJwks => "not-jwks",
        FetchFailureKind.RedirectLoop => "redirect-loop",
        FetchFailureKind.InsecureTransport => "insecure-transport",
        FetchFailureKind.NoUsableKeys => "no-usable-keys",
        _ => "other",
    };
}
