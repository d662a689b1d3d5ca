using Akka.TestKit;
using Akka.TestKit.Xunit2;

namespace AkkaJwks.Tests.Support;

/// <summary>A TestKit whose scheduler moves only when the spec advances it (see <see cref="VirtualTime"/>).</summary>
public abstract class VirtualTimeTestKit : TestKit
{
    /// <summary>The real-time safety net of asks and waits: only a broken spec waits that long.</summary>
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    protected VirtualTimeTestKit()
        : base(VirtualTime.Config)
    {
    }

    protected TestScheduler Clock => (TestScheduler)Sys.Scheduler;
}
