namespace AkkaJwks.Tests.Support;

/// <summary>The TestKit configuration of the specs that run in virtual time.</summary>
internal static class VirtualTime
{
    /// <summary>
    /// Akka's TestScheduler, which moves only when a spec advances it; and 30s instead of Akka's 3s as the default
    /// patience of expectations (ExpectMsg, EventFilter, AwaitAssert): only a broken spec waits that long, and a
    /// loaded machine can take more than 3s to deliver a message.
    /// </summary>
    public const string Config = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.test.single-expect-default = 30s
        """;
}
