using AkkaJwks.Keys;

namespace AkkaJwks.Actors;

/// <summary>
/// No signing key fits the asked <c>kid</c> (and <c>alg</c>). The message says whether a refresh was tried, is
/// cooling down, or the kid is remembered as absent.
/// </summary>
public sealed class JwkNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JwkNotFoundException(string name, string kid, string message)
        : base(message)
    {
        Name = name;
        Kid = kid;
    }

    /// <summary>The fetcher's name.</summary>
    public string Name { get; }

    /// <summary>
    /// The kid asked for, exactly as given. The message shows it with care instead: a kid shaped like a JWT is not
    /// shown, a long one is cut, control characters are escaped.
    /// </summary>
    public string Kid { get; }

    /// <summary>The exception of fetcher <paramref name="name"/> for <paramref name="kid"/>, saying why.</summary>
    internal static JwkNotFoundException For(string name, string kid, string why) => new(
        name, kid, $"JWKS fetcher '{name}' has no signing key with kid '{JwkDisplay.Safe(kid)}': {why}.");
}
