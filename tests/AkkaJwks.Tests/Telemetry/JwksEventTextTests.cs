using System.Collections.Immutable;
using AkkaJwks.Http;
using AkkaJwks.Keys;
using AkkaJwks.Telemetry;

namespace AkkaJwks.Tests.Telemetry;

public class JwksEventTextTests
{
    private static readonly Uri Url = new("https://user:pw@idp.example/jwks?access_token=secret123");
    private static readonly DateTimeOffset At = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<object> Events() => new()
    {
        new JwksFetchStarted("idp", Url, At, "kid-miss"),
        new JwksFetchSucceeded("idp", Url, At, TimeSpan.FromMilliseconds(120), 3, NotModified: false),
        new JwksFetchFailed("idp", Url, At, TimeSpan.FromSeconds(10), FetchFailureKind.Timeout, "timed out",
            FailuresInRow: 2, NextAttemptIn: TimeSpan.FromMinutes(1)),
        new JwksKeysChanged("idp", Url, At, ["new"], ["old"], KeyCount: 2),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void ToString_UrlWithCredentials_ShowsItRedacted(object telemetryEvent)
    {
        var text = telemetryEvent.ToString()!;

        Assert.Contains("Name = idp, Url = https://…@idp.example/jwks?…", text);
        Assert.DoesNotContain("secret123", text);
        Assert.DoesNotContain("pw", text);
    }

    [Fact]
    public void ToString_FetchFailed_ShowsDurationsTheHoconWayAndRefusedKeysByKid()
    {
        var failed = new JwksFetchFailed("idp", Url, At, TimeSpan.FromSeconds(10), FetchFailureKind.NoUsableKeys,
            "no usable keys", FailuresInRow: 1, NextAttemptIn: TimeSpan.FromSeconds(30))
        {
            Refused = ImmutableArray.Create(new RefusedKey(0, "k\u001b[31m", "it carries private members")),
        };

        var text = failed.ToString();

        Assert.Contains("Duration = 10s", text);
        Assert.Contains("NextAttemptIn = 30s", text);
        Assert.Contains("Refused = [#0 (kid k\\u001b[31m): it carries private members]", text);
    }

    [Fact]
    public void ToString_KeysChanged_ListsTheKids()
    {
        var changed = new JwksKeysChanged("idp", Url, At, ["a", "b"], [], KeyCount: 3);

        Assert.Contains("Added = [a, b], Removed = [], KeyCount = 3", changed.ToString());
    }
}
