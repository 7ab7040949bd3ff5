namespace GitGrader.GitHubStandIn;

/// <summary>One check-run annotation as sent.</summary>
public sealed record AnnotationView(
    string Path,
    int StartLine,
    int EndLine,
    int? StartColumn,
    int? EndColumn,
    string Level,
    string Message,
    string? Title,
    string? RawDetails);
