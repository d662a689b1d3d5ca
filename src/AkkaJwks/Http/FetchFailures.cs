using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using AkkaJwks.Keys;

namespace AkkaJwks.Http;

/// <summary>
/// Turns what <see cref="HttpClient"/> throws into a <see cref="JwksFetchException"/> with its kind and a sentence a
/// person can act on. Every message names the URL.
/// </summary>
internal static class FetchFailures
{
    /// <summary>Classifies an exception of the transport (not a cancellation, not already classified).</summary>
    public static JwksFetchException Classify(Exception exception, Uri url, AttemptState state, int maxHeadersBytes)
    {
        var socket = Find<SocketException>(exception);
        var error = (exception as HttpRequestException)?.HttpRequestError
            ?? Find<HttpIOException>(exception)?.HttpRequestError;
        var kind = socket?.SocketErrorCode switch
        {
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => FetchFailureKind.Dns,
            SocketError.ConnectionRefused => FetchFailureKind.ConnectionRefused,
            SocketError.HostUnreachable or SocketError.NetworkUnreachable => FetchFailureKind.ConnectionRefused,
            SocketError.TimedOut => FetchFailureKind.Timeout,
            SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown =>
                FetchFailureKind.ConnectionReset,
            _ => error switch
            {
                HttpRequestError.NameResolutionError => FetchFailureKind.Dns,
                HttpRequestError.SecureConnectionError => FetchFailureKind.Tls,
                HttpRequestError.ConfigurationLimitExceeded => FetchFailureKind.ResponseTooLarge,
                HttpRequestError.ResponseEnded => FetchFailureKind.ConnectionReset,
                _ when Find<AuthenticationException>(exception) is not null => FetchFailureKind.Tls,
                _ when exception is InvalidDataException => FetchFailureKind.Other,
                _ when Find<IOException>(exception) is not null => FetchFailureKind.ConnectionReset,
                _ => FetchFailureKind.Other,
            },
        };

        // Once the body has started, any end of the connection leaves the document cut short.
        if (kind == FetchFailureKind.ConnectionReset && state.Phase == AttemptPhase.Body)
        {
            kind = FetchFailureKind.Truncated;
        }

        // The handler quotes what it could not parse (a status line, a header), which may be a body holding key
        // material or bytes that forge a log line: the message hides it, and the exception is not kept, or a
        // ToString() of the failure would print it after all.
        var quotesServer = error == HttpRequestError.InvalidResponse;
        return new JwksFetchException(kind, url,
            Describe(kind, exception, url, state, maxHeadersBytes, socket, quotesServer),
            innerException: quotesServer ? null : exception);
    }

    /// <summary>The attempt ran out of its budget.</summary>
    public static JwksFetchException Timeout(Uri url, TimeSpan timeout, AttemptState state, Exception inner) =>
        new(FetchFailureKind.Timeout, url,
            $"{Fetching(url)} timed out after {Configuration.JwksDurations.Readable(timeout)} while " +
            $"{Describe(state.Phase)}; the endpoint is slow or unreachable, or request-timeout is too short for it.",
            innerException: inner);

    /// <summary>The body is over the limit; <paramref name="seen"/> is known when the server declared it.</summary>
    public static JwksFetchException TooLarge(Uri url, long limit, long? seen) =>
        new(FetchFailureKind.ResponseTooLarge, url,
            $"{Fetching(url)} failed: " + (seen is { } size
                ? $"the body is {size} bytes, over the limit of {limit} bytes (max-response-bytes)"
                : $"the body runs past the limit of {limit} bytes (max-response-bytes)") +
            "; raise the limit if the set really is that large.");

    /// <summary>The body ended before the length the server declared.</summary>
    public static JwksFetchException Truncated(Uri url, long read, long declared) =>
        new(FetchFailureKind.Truncated, url,
            $"{Fetching(url)} failed: the body ended after {read} of the {declared} bytes the server declared; the " +
            "server or something on the way cut the response.");

    /// <summary>How every message starts: the URL is shown redacted, since a query may carry a credential.</summary>
    public static string Fetching(Uri url) => "Fetching " + JwksUrl.Redact(url);

    private static string Describe(
        FetchFailureKind kind, Exception exception, Uri url, AttemptState state, int maxHeadersBytes,
        SocketException? socket, bool quotesServer) => kind switch
        {
            FetchFailureKind.Dns =>
                $"{Fetching(url)} failed: the host name '{url.Host}' did not resolve; check the URL and this " +
                "machine's DNS.",
            FetchFailureKind.ConnectionRefused =>
                $"{Fetching(url)} failed: the connection could not be made ({socket?.SocketErrorCode}); check that " +
                "the endpoint is up and the host and port are right.",
            FetchFailureKind.ConnectionReset =>
                $"{Fetching(url)} failed: the server reset or closed the connection before answering; the endpoint " +
                "or something on the way is failing.",
            FetchFailureKind.Truncated =>
                $"{Fetching(url)} failed: the connection ended after {state.BodyBytes} bytes of the body" +
                (state.DeclaredBytes is { } declared ? $" of the {declared} declared" : string.Empty) +
                "; the server or something on the way cut the response.",
            FetchFailureKind.Tls when state.TlsRefusal is null && NoTlsReply(exception) =>
                $"{Fetching(url)} failed: the server did not answer with TLS (no TLS handshake came back); " +
                "perhaps it serves plain http on that port: check the URL's scheme and port.",
            FetchFailureKind.Tls =>
                $"{Fetching(url)} failed: TLS was refused because " +
                $"{state.TlsRefusal ?? Shown(exception, quotesServer)}; " +
                "trust the certificate's issuer, fix the host name or update pinned-spki-sha256.",
            FetchFailureKind.Timeout =>
                $"{Fetching(url)} failed: the network timed out while {Describe(state.Phase)}; the endpoint is " +
                "unreachable from here.",
            FetchFailureKind.ResponseTooLarge =>
                $"{Fetching(url)} failed: the response headers exceed the limit of {maxHeadersBytes} bytes " +
                "(max-response-headers-bytes); raise the limit if the endpoint really sends that much.",
            _ => $"{Fetching(url)} failed while {Describe(state.Phase)}: {Shown(exception, quotesServer)}",
        };

    private static string Describe(AttemptPhase phase) => phase switch
    {
        AttemptPhase.Connecting => "connecting",
        AttemptPhase.Headers => "waiting for the response headers",
        _ => "reading the body",
    };

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The handshake failed on the first bytes back, before any certificate: what SslStream throws (an
    /// AuthenticationException with no cause of its own) when the peer answers in plain HTTP.
    /// </summary>
    private static bool NoTlsReply(Exception exception) =>
        Find<AuthenticationException>(exception) is { InnerException: null };

    /// <summary>
    /// The innermost exception's message, escaped; with <paramref name="quotesServer"/>, everything from its first
    /// quote to its last (<c>Received an invalid status line: '...'</c>) is hidden.
    /// </summary>
    private static string Shown(Exception exception, bool quotesServer)
    {
        var message = Innermost(exception).Message.TrimEnd('.');
        var (first, last) = (message.IndexOf('\''), message.LastIndexOf('\''));
        return JwkDisplay.Escape(quotesServer && first >= 0 && last > first
            ? $"{message[..first]}'…' (the server's text, not shown){message[(last + 1)..]}"
            : message);
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
