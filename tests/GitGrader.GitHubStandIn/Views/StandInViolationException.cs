namespace GitGrader.GitHubStandIn;

/// <summary>Thrown by <see cref="GitHubStandIn.AssertNoViolations"/>: requests GitHub would have refused.</summary>
public sealed class StandInViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StandInViolationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public StandInViolationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StandInViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception listing <paramref name="violations"/>.</summary>
    public StandInViolationException(IReadOnlyList<ApiViolation> violations)
        : base(Describe(violations ?? throw new ArgumentNullException(nameof(violations)))) => Violations = violations;

    /// <summary>The violations.</summary>
    public IReadOnlyList<ApiViolation> Violations { get; } = [];

    private static string Describe(IReadOnlyList<ApiViolation> violations) =>
        $"The GitHub stand-in saw {violations.Count} request(s) that GitHub's OpenAPI description or rules refuse:{Environment.NewLine}"
        + string.Join(Environment.NewLine, violations.Select((v, i) => $"  {i + 1}. {v}"));
}
