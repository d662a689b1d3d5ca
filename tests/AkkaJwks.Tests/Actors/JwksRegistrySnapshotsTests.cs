using AkkaJwks.Actors;
using AkkaJwks.Keys;

namespace AkkaJwks.Tests.Actors;

public sealed class JwksRegistrySnapshotsTests
{
    [Fact]
    public void Source_TakenBeforeTheFirstPublish_SeesEveryLaterSwap()
    {
        var snapshots = new JwksSnapshots();
        var source = snapshots.Source("idp");
        var first = Parse("a");
        var second = Parse("b");

        snapshots.Publish("idp", first);
        var afterFirst = source.Current;
        snapshots.Publish("idp", second);

        Assert.Same(first, afterFirst);
        Assert.Same(second, source.Current);
        Assert.True(source.TryGetKey("b", out _));
        Assert.False(source.TryGetKey("a", out _));
    }

    [Fact]
    public void Remove_ThenPublishAgain_KeepsTheSameHandle()
    {
        var snapshots = new JwksSnapshots();
        snapshots.Publish("idp", Parse("a"));
        var source = snapshots.Source("idp");

        snapshots.Remove("idp");
        var afterRemove = snapshots.TryGet("idp", out _);
        snapshots.Publish("idp", Parse("c"));

        Assert.False(afterRemove);
        Assert.Same(source, snapshots.Source("idp"));
        Assert.True(source.TryGetKey("c", "ES256", out _));
    }

    [Fact]
    public void Find_UnknownName_CreatesNothing()
    {
        var snapshots = new JwksSnapshots();

        var found = snapshots.Find("nobody");

        Assert.Null(found);
        Assert.False(snapshots.TryGet("nobody", out _));
        Assert.Null(snapshots.Find("nobody"));
    }

    [Fact]
    public async Task Source_ManyNamesAddedConcurrently_GivesOneHandlePerName()
    {
        var snapshots = new JwksSnapshots();
        var names = Enumerable.Range(0, 200).Select(i => $"idp-{i % 50}").ToArray();

        var handles = await Task.WhenAll(names.Select(n => Task.Run(() => snapshots.Source(n))));

        Assert.Equal(50, handles.Distinct().Count());
        Assert.All(names, n => Assert.NotNull(snapshots.Find(n)));
    }

    private static Jwks Parse(params string[] kids) =>
        JwksParser.Parse(TestDocuments.Jwks(kids), "test", DateTimeOffset.UnixEpoch, 10).Jwks!;
}
