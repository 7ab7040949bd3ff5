using GitGrader.GitHub;

namespace GitGrader.GitHubStandIn;

/// <summary>A check run as the stand-in holds it.</summary>
/// <param name="Id">Check run id.</param>
/// <param name="Repository">The repository.</param>
/// <param name="Name">Check name.</param>
/// <param name="HeadSha">The commit.</param>
/// <param name="ExternalId">The integrator's id.</param>
/// <param name="Status"><c>queued</c>, <c>in_progress</c> or <c>completed</c>.</param>
/// <param name="Conclusion">Conclusion once completed.</param>
/// <param name="Title">Output title.</param>
/// <param name="Summary">Output summary.</param>
/// <param name="Text">Output text.</param>
/// <param name="Annotations">Every annotation, in the order received (they append across updates).</param>
/// <param name="StatusHistory">Statuses seen, in order, consecutive repeats collapsed (e.g. queued, in_progress, completed).</param>
/// <param name="History">The run after each create/update request.</param>
/// <param name="DetailsUrl">details_url.</param>
/// <param name="StartedAt">started_at.</param>
/// <param name="CompletedAt">completed_at.</param>
/// <param name="HtmlUrl">The run's page.</param>
/// <param name="CheckSuiteId">The check suite (one per repository and commit).</param>
public sealed record CheckRunView(
    long Id,
    RepositoryRef Repository,
    string Name,
    string HeadSha,
    string? ExternalId,
    string Status,
    string? Conclusion,
    string? Title,
    string? Summary,
    string? Text,
    IReadOnlyList<AnnotationView> Annotations,
    IReadOnlyList<string> StatusHistory,
    IReadOnlyList<CheckRunSnapshot> History,
    string? DetailsUrl,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    Uri HtmlUrl,
    long CheckSuiteId)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"check run {Id} '{Name}' on {Repository}@{HeadSha[..Math.Min(7, HeadSha.Length)]} {Status}{(Conclusion is null ? string.Empty : "/" + Conclusion)} '{Title}' ({Annotations.Count} annotations; {string.Join(" → ", StatusHistory)})";
}
