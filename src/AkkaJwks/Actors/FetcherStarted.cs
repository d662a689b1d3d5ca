using Akka.Actor;

namespace AkkaJwks.Actors;

/// <summary>A fetcher was started under <paramref name="Name"/>.</summary>
public sealed record FetcherStarted(string Name, IActorRef Fetcher);
