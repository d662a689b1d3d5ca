using Akka.Actor.Setup;
using AkkaJwks.Configuration;
using AkkaJwks.Http;

namespace AkkaJwks;

/// <summary>
/// Code-only settings of AkkaJwks, given to the actor system through <c>ActorSystemSetup</c> (HOCON cannot hold
/// them).
/// </summary>
public sealed class JwksSetup : Setup
{
    /// <summary>
    /// Makes the HTTP client of each fetcher whose options name none (the seed's <c>http_client</c>), for example one
    /// on a client from <c>IHttpClientFactory</c>. The registry disposes a client it made this way when its fetcher
    /// stops, if the client is <see cref="IDisposable"/>. <see langword="null"/>: the built-in client on
    /// <see cref="HttpClient"/>.
    /// </summary>
    public Func<JwksFetcherOptions, IJwksHttpClient>? HttpClientFactory { get; init; }
}
