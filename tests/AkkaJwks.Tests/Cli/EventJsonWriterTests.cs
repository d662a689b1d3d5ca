using System.Text.Json;
using AkkaJwks.Cli.Output;
using AkkaJwks.Http;
using AkkaJwks.Keys;
using AkkaJwks.Telemetry;

namespace AkkaJwks.Tests.Cli;

public class EventJsonWriterTests
{
    private static readonly Uri Url = new("https://issuer.test/jwks");
    private static readonly DateTimeOffset Time = new(2026, 12, 3, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Write_FetchFailed_IsFetchExceptionWithReasonAndNullsForTheRest()
    {
        var failed = new JwksFetchFailed("idp", Url, Time, TimeSpan.FromMilliseconds(12.5),
            FetchFailureKind.HttpStatus, "the server answered 503", 2, TimeSpan.FromSeconds(60));

        var line = EventJsonWriter.Write(failed);

        Assert.Equal(
            """
            {"event":"fetch.exception","name":"idp","url":"https://issuer.test/jwks",
            "time":"2026-12-03T16:00:00.0000000+00:00","trigger":null,"duration_ms":12.5,"key_count":null,
            "not_modified":null,"reason":"http-status","message":"the server answered 503",
            "failures_in_row":2,"next_attempt_ms":60000,"added":null,"removed":null,"rejected":[]}
            """.ReplaceLineEndings(""),
            line);
    }

    [Fact]
    public void Write_KeysChanged_ListsAddedAndRemovedKids()
    {
        var changed = new JwksKeysChanged("idp", Url, Time, ["new-1"], ["old-1", "old-2"], 3);

        using var json = JsonDocument.Parse(EventJsonWriter.Write(changed)!);

        Assert.Equal("keys.changed", json.RootElement.GetProperty("event").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("key_count").GetInt32());
        Assert.Equal(["new-1"], json.RootElement.GetProperty("added").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, json.RootElement.GetProperty("removed").GetArrayLength());
    }

    [Fact]
    public void Write_FetchFailedWithRefusedKeys_ListsThemByIndexKidAndReason()
    {
        var failed = new JwksFetchFailed("idp", Url, Time, TimeSpan.FromMilliseconds(3),
            FetchFailureKind.NoUsableKeys, "no usable signing key", 1, TimeSpan.FromSeconds(60))
        {
            Refused = [new RefusedKey(0, "private-1", "holds private key material"), new RefusedKey(1, null, "no n")],
        };

        using var json = JsonDocument.Parse(EventJsonWriter.Write(failed)!);

        var rejected = json.RootElement.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(2, rejected.Count);
        Assert.Equal("private-1", rejected[0].GetProperty("kid").GetString());
        Assert.Equal("holds private key material", rejected[0].GetProperty("reason").GetString());
        Assert.Equal(1, rejected[1].GetProperty("index").GetInt32());
        Assert.Equal(JsonValueKind.Null, rejected[1].GetProperty("kid").ValueKind);
    }

    [Fact]
    public void Write_KeysChanged_HasNullRejected()
    {
        var changed = new JwksKeysChanged("idp", Url, Time, ["new-1"], [], 1);

        using var json = JsonDocument.Parse(EventJsonWriter.Write(changed)!);

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("rejected").ValueKind);
    }

    [Fact]
    public void Write_OtherObject_IsNull()
    {
        var line = EventJsonWriter.Write("not an event");

        Assert.Null(line);
    }
}
