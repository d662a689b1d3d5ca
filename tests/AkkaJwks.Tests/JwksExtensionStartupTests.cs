using Akka.Actor;
using Akka.Configuration;
using AkkaJwks.Configuration;

namespace AkkaJwks.Tests;

public sealed class JwksExtensionStartupTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Get_BadConfiguration_ThrowsEveryProblemAndStartsNothing()
    {
        var system = ActorSystem.Create("jwks", """
            akka.jwks.fetchers {
              good { url = "https://good.example/jwks" }
              bad { url = "http://bad.example/jwks", retry-interval = 1h }
            }
            """);
        try
        {
            var error = Assert.Throws<JwksConfigurationException>(() => system.Jwks());

            Assert.Equal(2, error.Problems.Count);
            Assert.All(error.Problems, p => Assert.StartsWith("akka.jwks.fetchers.bad.", p.Path));
            var identity = await system.ActorSelection("/user/akka-jwks").Ask<ActorIdentity>(new Identify(1), Wait);
            Assert.Null(identity.Subject);
            Assert.Throws<JwksConfigurationException>(() => JwksExtension.Get(system));
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task AkkaExtensions_ListsTheProvider_StartsTheRegistryWithTheSystem()
    {
        var system = ActorSystem.Create("jwks", """
            akka.extensions = ["AkkaJwks.JwksExtensionProvider, AkkaJwks"]
            """);
        try
        {
            var identity = await system.ActorSelection("/user/akka-jwks").Ask<ActorIdentity>(new Identify(1), Wait);

            Assert.NotNull(identity.Subject);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public void AkkaExtensions_BadConfiguration_FailsTheSystemsCreation()
    {
        var config = ConfigurationFactory.ParseString("""
            akka.extensions = ["AkkaJwks.JwksExtensionProvider, AkkaJwks"]
            akka.jwks.fetchers.bad { url = "ftp://bad.example/jwks" }
            """);

        var error = Assert.Throws<JwksConfigurationException>(() => ActorSystem.Create("jwks", config));

        Assert.Equal("akka.jwks.fetchers.bad.url", Assert.Single(error.Problems).Path);
    }
}
