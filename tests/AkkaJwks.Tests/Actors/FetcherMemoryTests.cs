using AkkaJwks.Actors;
using AkkaJwks.Configuration;

namespace AkkaJwks.Tests.Actors;

public class FetcherMemoryTests
{
    [Fact]
    public void TryRequestRefreshWhileDown_FetcherUp_RefusedSoTheFetcherTakesIt()
    {
        var memory = new FetcherMemory();
        memory.MarkUp();

        var recorded = memory.TryRequestRefreshWhileDown();

        Assert.False(recorded);
        Assert.False(memory.MarkUp());
    }

    [Fact]
    public void MarkUp_AfterARefreshWhileDown_ReportsItOnce()
    {
        var memory = new FetcherMemory();
        memory.MarkUp();
        memory.MarkDown();

        var recorded = memory.TryRequestRefreshWhileDown();
        var first = memory.MarkUp();
        var second = memory.MarkUp();

        Assert.True(recorded);
        Assert.True(first);
        Assert.False(second);
        Assert.False(memory.IsDown);
    }

    [Fact]
    public void Memory_SameName_SameObjectUntilTheRegistryStartsTheNameAgain()
    {
        var snapshots = new JwksSnapshots();
        var options = JwksFetcherOptions.Create("idp", TestDocuments.Url);
        var started = snapshots.Started(options);

        var again = snapshots.Memory("idp");
        var restarted = snapshots.Started(options);
        snapshots.Remove("idp");
        var afterStop = snapshots.Memory("idp");

        Assert.Same(started, again);
        Assert.NotSame(started, restarted);
        Assert.NotSame(restarted, afterStop);
    }
}
