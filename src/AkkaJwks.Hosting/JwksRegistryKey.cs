namespace AkkaJwks.Hosting;

/// <summary>
/// The key of the AkkaJwks registry actor in Akka.Hosting's <c>ActorRegistry</c>: inject
/// <c>IRequiredActor&lt;JwksRegistryKey&gt;</c> to reach it.
/// </summary>
public sealed class JwksRegistryKey
{
    private JwksRegistryKey()
    {
    }
}
