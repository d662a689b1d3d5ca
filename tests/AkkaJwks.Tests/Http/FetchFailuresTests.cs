using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using AkkaJwks.Http;
using Microsoft.Extensions.Time.Testing;

namespace AkkaJwks.Tests.Http;

public class FetchFailuresTests
{
    private static readonly Uri Url = new("https://issuer.example/jwks");

    public static TheoryData<Exception, string, FetchFailureKind> Exceptions => new()
    {
        { Wrapped(HttpRequestError.NameResolutionError, new SocketException((int)SocketError.HostNotFound)),
            nameof(AttemptPhase.Connecting), FetchFailureKind.Dns },
        { Wrapped(HttpRequestError.NameResolutionError, null), nameof(AttemptPhase.Connecting), FetchFailureKind.Dns },
        { Wrapped(HttpRequestError.ConnectionError, new SocketException((int)SocketError.ConnectionRefused)),
            nameof(AttemptPhase.Connecting), FetchFailureKind.ConnectionRefused },
        { Wrapped(HttpRequestError.ConnectionError, new SocketException((int)SocketError.NetworkUnreachable)),
            nameof(AttemptPhase.Connecting), FetchFailureKind.ConnectionRefused },
        { Wrapped(HttpRequestError.ConnectionError, new SocketException((int)SocketError.TimedOut)),
            nameof(AttemptPhase.Connecting), FetchFailureKind.Timeout },
        { Wrapped(HttpRequestError.Unknown, Reset()),
            nameof(AttemptPhase.Headers), FetchFailureKind.ConnectionReset },
        { Wrapped(HttpRequestError.ResponseEnded, null), nameof(AttemptPhase.Headers),
            FetchFailureKind.ConnectionReset },
        { new HttpIOException(HttpRequestError.ResponseEnded), nameof(AttemptPhase.Body), FetchFailureKind.Truncated },
        { Reset(), nameof(AttemptPhase.Body), FetchFailureKind.Truncated },
        { Wrapped(HttpRequestError.SecureConnectionError, new AuthenticationException("bad")),
            nameof(AttemptPhase.Headers), FetchFailureKind.Tls },
        { Wrapped(HttpRequestError.ConfigurationLimitExceeded, null), nameof(AttemptPhase.Headers),
            FetchFailureKind.ResponseTooLarge },
        { Wrapped(HttpRequestError.InvalidResponse, null), nameof(AttemptPhase.Headers), FetchFailureKind.Other },
        { new InvalidDataException("bad gzip"), nameof(AttemptPhase.Body), FetchFailureKind.Other },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void Classify_TransportException_MapsToItsKind(Exception exception, string phase, FetchFailureKind kind)
    {
        var state = new AttemptState { Phase = Enum.Parse<AttemptPhase>(phase) };

        var failure = FetchFailures.Classify(exception, Url, state, 4096);

        Assert.Equal(kind, failure.Kind);
        Assert.Contains(Url.ToString(), failure.Message);

        // An invalid response's exception quotes what the server sent, so it is not kept.
        var quotesServer = exception is HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse };
        Assert.Same(quotesServer ? null : exception, failure.InnerException);
    }

    [Fact]
    public void StatusFailure_RetryAfterDateWithoutDateHeader_ReadsItAgainstTheClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(clock.GetUtcNow().AddMinutes(3));

        var failure = JwksResponseReader.StatusFailure(response, Url, clock);

        Assert.Equal(TimeSpan.FromMinutes(3), failure.RetryAfter);
        Assert.Equal(429, failure.StatusCode);
    }

    [Fact]
    public void StatusFailure_RetryAfterDateInThePast_MeansNow()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(clock.GetUtcNow().AddMinutes(-3));

        var failure = JwksResponseReader.StatusFailure(response, Url, clock);

        Assert.Equal(TimeSpan.Zero, failure.RetryAfter);
    }

    private static IOException Reset() =>
        new("Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset));

    private static HttpRequestException Wrapped(HttpRequestError error, Exception? inner) =>
        new(error, "An error occurred while sending the request.", inner);
}
