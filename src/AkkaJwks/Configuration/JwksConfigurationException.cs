namespace AkkaJwks.Configuration;

/// <summary>
/// The AkkaJwks configuration is invalid. Every problem found is listed, one per line of the message and in
/// <see cref="Problems"/>; nothing was started.
/// </summary>
public sealed class JwksConfigurationException : Exception
{
    /// <summary>Creates the exception for <paramref name="problems"/> (at least one).</summary>
    public JwksConfigurationException(IReadOnlyList<JwksConfigurationProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in the order of the configuration.</summary>
    public IReadOnlyList<JwksConfigurationProblem> Problems { get; }

    private static string Describe(IReadOnlyList<JwksConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("A configuration exception needs at least one problem.", nameof(problems));
        }

        var noun = problems.Count == 1 ? "problem" : "problems";
        return $"The AkkaJwks configuration is invalid ({problems.Count} {noun}); nothing was started:" +
            Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
