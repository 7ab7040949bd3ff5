namespace GitGrader.GitHubStandIn;

/// <summary>A request GitHub would refuse (or that the stand-in cannot answer faithfully).</summary>
/// <param name="At">When it arrived.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Full path as sent.</param>
/// <param name="QueryString">Query string as sent (with <c>?</c>, or empty).</param>
/// <param name="Body">Request body text, when any (cut at 2,000 characters).</param>
/// <param name="Operation">GitHub's operation id, when the endpoint is known.</param>
/// <param name="Errors">Every problem found.</param>
/// <param name="Status">The status the stand-in answered.</param>
public sealed record ApiViolation(
    DateTimeOffset At,
    ViolationKind Kind,
    string Method,
    string Path,
    string QueryString,
    string? Body,
    string? Operation,
    IReadOnlyList<string> Errors,
    int Status)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var operation = Operation is null ? string.Empty : $" ({Operation})";
        var lines = Errors.Select(e => "    - " + e);
        return $"{Method} {Path}{QueryString}{operation} → {Status} [{Kind}]{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }
}
