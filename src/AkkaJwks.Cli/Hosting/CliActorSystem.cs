using Akka.Actor;
using Akka.Configuration;

namespace AkkaJwks.Cli.Hosting;

/// <summary>
/// The ActorSystem every command runs in: Akka's own logging is silenced, because the program prints the
/// AkkaJwks events itself and standard output must stay clean for <c>--json</c>.
/// </summary>
internal static class CliActorSystem
{
    private const string Quiet = """
        akka.loglevel = OFF
        akka.stdout-loglevel = OFF
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        """;

    /// <summary>Creates a system named <c>akka-jwks</c> from <paramref name="config"/>, quietened.</summary>
    public static ActorSystem Create(Config config) =>
        ActorSystem.Create("akka-jwks", ConfigurationFactory.ParseString(Quiet).WithFallback(config));
}
