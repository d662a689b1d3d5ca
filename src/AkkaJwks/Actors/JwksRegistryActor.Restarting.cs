using Akka.Actor;
using Akka.Event;
using AkkaJwks.Keys;

namespace AkkaJwks.Actors;

/// <summary>
/// Answers for a fetcher that is down: crashed, and waiting for its back-off supervisor to start it again. Akka.NET
/// 1.5's back-off supervisor can only send dead letters or one fixed reply while its child is stopped, and neither
/// answers an ask, so the registry answers instead: from the last published keys, the fetcher's last state, and a
/// refresh promised for its restart.
/// </summary>
/// <remarks>
/// A fetcher marks itself down the moment it throws (and again when it stops). Asks forwarded before that sit in
/// its mailbox or pass through its supervisor while it stops, and Akka turns them into dead letters; the registry
/// watches the dead letters of its own fetchers and answers those too. The crashing message itself gets no answer:
/// its handler never finished.
/// </remarks>
internal sealed partial class JwksRegistryActor
{
    private void AnswerWhileDown(Running running, object message, IActorRef replyTo)
    {
        var name = running.Options.Name;
        _snapshots.TryGet(name, out var keys);
        switch (message)
        {
            case GetKeys when keys is not null:
                replyTo.Tell(keys);
                break;
            case GetKeys:
                replyTo.Tell(new Status.Failure(new KeysNotReadyException(name,
                    "the fetcher crashed before any fetch succeeded and is waiting (back-off) to restart")));
                break;
            case GetKey ask:
                replyTo.Tell(KeyWhileDown(name, keys, ask));
                break;
            case GetState:
                replyTo.Tell(StateWhileDown(running, keys));
                break;
            case Refresh when running.Memory.TryRequestRefreshWhileDown():
                replyTo.Tell(new RefreshAccepted(name));
                break;
            default:
                // The fetcher came back meanwhile: it takes the message itself.
                running.Child.Tell(message, replyTo);
                break;
        }
    }

    private static object KeyWhileDown(string name, Jwks? keys, GetKey ask)
    {
        var lookup = keys?.FindSigningKey(ask.Kid, ask.Alg);
        if (lookup is { IsFound: true } found)
        {
            return found.Key;
        }

        var why = lookup is { Status: not JwkLookupStatus.UnknownKid } refused
            ? $"{refused.Message}; no refresh was tried"
            : "the fetcher is restarting after a crash, so no refresh was tried; its last published keys " +
              (keys is null ? "do not exist yet" : "do not hold it");
        return new Status.Failure(JwkNotFoundException.For(name, ask.Kid, why));
    }

    private static FetcherState StateWhileDown(Running running, Jwks? keys)
    {
        var last = running.Memory.LastState ?? new FetcherState(running.Options.Name, FetcherStatus.Starting, null,
            null, null, null, 0, null, null, null, running.Options);

        // Nothing is due while down: the restart schedules the next fetch, at once if a refresh was accepted.
        return last with
        {
            Status = FetcherStatus.Restarting,
            Keys = keys,
            NextFetchDue = null,
            ETag = keys?.ETag,
            LastModified = keys?.LastModified,
        };
    }

    /// <summary>
    /// A look-up, state ask or refresh lost on its way to a fetcher that crashed or stopped gets its answer after
    /// all: from the registry while the fetcher is down, from the fetcher again once it is back.
    /// </summary>
    private void AnswerLost(DeadLetter letter)
    {
        var name = letter.Message switch
        {
            GetKeys ask => ask.Name,
            GetKey ask => ask.Name,
            GetState ask => ask.Name,
            Refresh ask => ask.Name,
            _ => null,
        };
        var ours = IsFetcherOrSupervisor(letter.Recipient.Path);

        // Sent on by a supervisor whose child was already gone: only the name says whose it is.
        var stoppedChild = letter.Recipient.Equals(Context.System.DeadLetters);
        if (name is null || (!ours && !stoppedChild))
        {
            return;
        }

        if (Current(name) is not { } running)
        {
            if (ours)
            {
                letter.Sender.Tell(new Status.Failure(new FetcherNotFoundException(name, _running.Keys.ToArray())));
            }

            return;
        }

        if (running.Memory.IsDown)
        {
            AnswerWhileDown(running, letter.Message, letter.Sender);
        }
        else if (ours)
        {
            running.Child.Tell(letter.Message, letter.Sender);
        }
    }

    private bool IsFetcherOrSupervisor(ActorPath path) =>
        path.Parent is { } parent && (parent.Equals(Self.Path) || parent.Parent?.Equals(Self.Path) == true);
}
