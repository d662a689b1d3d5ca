namespace AkkaJwks.Actors;

/// <summary>Asks the registry for the fetcher's <c>IActorRef</c> (what the seed's <c>via_tuple/1</c> gives).</summary>
public sealed record Resolve(string Name);
