using AkkaJwks.Actors;

namespace AkkaJwks.Tests.Actors;

public class UnknownKidsTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryGetUntil_Remembered_TrueUntilTheDeadline()
    {
        var kids = new UnknownKids();
        kids.Remember("forged", Now.AddMinutes(5), Now);

        Assert.True(kids.TryGetUntil("forged", Now.AddMinutes(4), out var until));
        Assert.Equal(Now.AddMinutes(5), until);
        Assert.False(kids.TryGetUntil("forged", Now.AddMinutes(5), out _));
        Assert.False(kids.TryGetUntil("other", Now, out _));
    }

    [Fact]
    public void Remember_PastCapacity_ForgetsTheOldestAndStaysBounded()
    {
        var kids = new UnknownKids();

        for (var i = 0; i < UnknownKids.Capacity + 100; i++)
        {
            kids.Remember($"kid-{i}", Now.AddMinutes(5), Now);
        }

        Assert.Equal(UnknownKids.Capacity, kids.Count);
        Assert.False(kids.TryGetUntil("kid-0", Now, out _));
        Assert.False(kids.TryGetUntil("kid-99", Now, out _));
        Assert.True(kids.TryGetUntil("kid-100", Now, out _));
        Assert.True(kids.TryGetUntil($"kid-{UnknownKids.Capacity + 99}", Now, out _));
    }

    [Fact]
    public void Remember_AfterExpiry_ForgetsExpiredEntries()
    {
        var kids = new UnknownKids();
        kids.Remember("old", Now.AddMinutes(5), Now);

        kids.Remember("new", Now.AddMinutes(11), Now.AddMinutes(6));

        Assert.Equal(1, kids.Count);
    }

    [Fact]
    public void Remember_SameKidAgain_ExtendsWithoutLosingIt()
    {
        var kids = new UnknownKids();
        kids.Remember("kid", Now.AddMinutes(5), Now);
        kids.Remember("kid", Now.AddMinutes(9), Now.AddMinutes(4));

        kids.Remember("later", Now.AddMinutes(11), Now.AddMinutes(6));

        Assert.True(kids.TryGetUntil("kid", Now.AddMinutes(8), out _));
        Assert.Equal(2, kids.Count);
    }

    [Fact]
    public void Remember_SameKidFromManyWaitersOfOneRefresh_HoldsOneEntry()
    {
        // A replayed forged token: every look-up that waited on the refresh remembers the same kid, until the same
        // time.
        var kids = new UnknownKids();

        for (var i = 0; i < 100_000; i++)
        {
            kids.Remember("forged", Now.AddMinutes(5), Now);
        }

        Assert.Equal(1, kids.Count);
        Assert.Equal(1, kids.Entries);
        Assert.True(kids.TryGetUntil("forged", Now.AddMinutes(4), out _));
    }
}
