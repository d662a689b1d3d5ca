namespace AkkaJwks.Cli;

/// <summary>The program's exit codes, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>A document is not a JWKS, a fetch failed, or the demo saw a token fail.</summary>
    public const int Failure = 1;

    /// <summary>
    /// The command line or its inputs cannot be used: an unknown option, a bad duration, a file that cannot be
    /// read, a configuration that does not validate.
    /// </summary>
    public const int Usage = 2;
}
