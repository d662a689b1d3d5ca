using Akka.Actor;
using Akka.Pattern;
using Akka.TestKit;

namespace AkkaJwks.Tests.Support;

/// <summary>
/// Waits on the back-off supervisor a registry puts over each fetcher. It schedules a crashed fetcher's restart only
/// when it handles the child's <c>Terminated</c>, which can come well after a test saw the crash: virtual time moved
/// before then never reaches the restart. Akka offers no signal for it, so its child is polled instead.
/// </summary>
internal static class BackoffRestarts
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Waits until <paramref name="supervisor"/> has let its crashed child go and scheduled the restart: it has no
    /// child then, and gets one only once virtual time reaches the back-off.
    /// </summary>
    public static Task AwaitRestartScheduledAsync(this TestKitBase kit, IActorRef supervisor) =>
        kit.AwaitAssertAsync(
            async () =>
            {
                var child = await supervisor.Ask<BackoffSupervisor.CurrentChild>(
                    BackoffSupervisor.GetCurrentChild.Instance, Patience);
                Assert.Null(child.Ref);
            },
            Patience,
            Poll);
}
