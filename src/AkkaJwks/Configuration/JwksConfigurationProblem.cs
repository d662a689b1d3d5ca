namespace AkkaJwks.Configuration;

/// <summary>One bad option: where it is, what it holds and what was expected.</summary>
/// <param name="Path">
/// The HOCON path of the option, for example <c>akka.jwks.fetchers.google.retry-interval</c>. Options built in code
/// are reported under the path they would have in HOCON.
/// </param>
/// <param name="Value">The value as written (HOCON) or as set (code); <c>(missing)</c> when absent.</param>
/// <param name="Expected">What the option must be, and what to do about it.</param>
public sealed record JwksConfigurationProblem(string Path, string Value, string Expected)
{
    /// <summary>The problem on one line: <c>path = value: expected</c>.</summary>
    public override string ToString() => $"{Path} = {Value}: {Expected}";
}
