using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using AkkaJwks.Configuration;
using AkkaJwks.Tests.Actors;
using AkkaJwks.Tests.Support;

namespace AkkaJwks.Tests;

/// <summary>
/// A fetcher killed and restarted over and over while other actors look its key up without pause through the
/// extension: not one look-up may fail, including those made while the fetcher is dead.
/// </summary>
public sealed class JwksExtensionSoakTests : TestKit
{
    private const int Kills = 10;
    private const int Readers = 3;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    public JwksExtensionSoakTests()
        : base(VirtualTime.Config)
    {
    }

    [Fact]
    public async Task Fetcher_KilledRepeatedlyWhileActorsLookUp_NoLookupFails()
    {
        var jwks = Sys.Jwks();
        var (client, started) = await jwks.StartReadyAsync("idp", "a");
        var tally = new Tally();
        var readers = Enumerable.Range(0, Readers)
            .Select(i => Sys.ActorOf(Props.Create(() => new Reader(jwks, tally)), $"reader-{i}"))
            .ToList();
        readers.ForEach(reader => reader.Tell(Reader.Go.Instance));

        var fetcher = await FetcherAsync(started.Fetcher, null);
        for (var kill = 0; kill < Kills; kill++)
        {
            Watch(fetcher);
            fetcher.Tell(Kill.Instance);
            await ExpectTerminatedAsync(fetcher, Wait);
            var whileDead = tally.Lookups + (Readers * 10);
            await AwaitConditionAsync(() => Task.FromResult(tally.Lookups >= whileDead), Wait, Poll);
            await this.AwaitRestartScheduledAsync(started.Fetcher);

            // The back-off supervisor restarts the fetcher after at most max-backoff plus its random spread, timed
            // from when it takes the death, which may come after the probe did.
            ((TestScheduler)Sys.Scheduler).Advance(jwks.Settings.MaxBackoff * 2);
            fetcher = await FetcherAsync(started.Fetcher, fetcher);
        }

        var total = tally.Lookups + (Readers * 10);
        await AwaitConditionAsync(() => Task.FromResult(tally.Lookups >= total), Wait, Poll);
        readers.ForEach(reader => Sys.Stop(reader));

        Assert.Equal(0, tally.Failures);
        Assert.True(tally.Lookups >= Kills * Readers * 10, $"{tally.Lookups} look-ups");
        Assert.Equal(1, client.RequestCount);
    }

    /// <summary>The supervised fetcher once it is a new incarnation (not <paramref name="old"/>).</summary>
    private async Task<IActorRef> FetcherAsync(IActorRef supervisor, IActorRef? old)
    {
        IActorRef? current = null;
        await AwaitAssertAsync(
            async () =>
            {
                current = await Sys.ActorSelection(supervisor.Path / "fetcher").ResolveOne(Wait);
                Assert.NotEqual(old, current);
            },
            Wait,
            Poll);
        return current!;
    }

    private sealed class Tally
    {
        private long _lookups;
        private long _failures;

        public long Lookups => Interlocked.Read(ref _lookups);

        public long Failures => Interlocked.Read(ref _failures);

        public void Record(bool ok)
        {
            Interlocked.Increment(ref _lookups);
            if (!ok)
            {
                Interlocked.Increment(ref _failures);
            }
        }
    }

    /// <summary>Looks the key up the three ways an application does, then again, until stopped.</summary>
    private sealed class Reader : ReceiveActor
    {
        public Reader(JwksExtension jwks, Tally tally)
        {
            ReceiveAsync<Go>(async go =>
            {
                bool ok;
                try
                {
                    ok = jwks.TryGetKey("idp", "a", out _)
                        && (await jwks.GetKeyAsync("idp", "a")).Kid == "a"
                        && (await jwks.GetKeysAsync("idp")).TryGetKey("a", out _);
                }
                catch (Exception)
                {
                    ok = false;
                }

                tally.Record(ok);
                Self.Tell(Go.Instance);
            });
        }

        public sealed record Go
        {
            public static Go Instance { get; } = new();
        }
    }
}
