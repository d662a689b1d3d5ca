using AkkaJwks.Configuration;
using AkkaJwks.Http;
using AkkaJwks.Keys;

namespace AkkaJwks.Actors;

/// <summary>A fetcher's state, as <see cref="GetState"/> answers it. Holds kids and thumbprints, never a token.</summary>
/// <param name="Name">The fetcher's name.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Keys">The keys served now, or <see langword="null"/> before the first success.</param>
/// <param name="LastSuccess">When the last fetch succeeded.</param>
/// <param name="LastError">Why the last failed fetch failed, while failing.</param>
/// <param name="LastErrorKind">How the last failed fetch failed, while failing.</param>
/// <param name="FailuresInRow">Failures since the last success.</param>
/// <param name="NextFetchDue">When the next fetch is due; <see langword="null"/> while one is in flight or while the
/// fetcher waits to restart.</param>
/// <param name="ETag">The validator sent with the next conditional request.</param>
/// <param name="LastModified">The validator sent with the next conditional request.</param>
/// <param name="Options">The options in force.</param>
public sealed record FetcherState(
    string Name,
    FetcherStatus Status,
    Jwks? Keys,
    DateTimeOffset? LastSuccess,
    string? LastError,
    FetchFailureKind? LastErrorKind,
    int FailuresInRow,
    DateTimeOffset? NextFetchDue,
    string? ETag,
    DateTimeOffset? LastModified,
    JwksFetcherOptions Options);
