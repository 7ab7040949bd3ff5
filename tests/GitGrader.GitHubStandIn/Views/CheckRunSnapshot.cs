namespace GitGrader.GitHubStandIn;

/// <summary>A check run right after one create or update request.</summary>
/// <param name="At">When.</param>
/// <param name="Action"><c>created</c> or <c>updated</c>.</param>
/// <param name="Status">Status after the request.</param>
/// <param name="Conclusion">Conclusion after the request.</param>
/// <param name="Title">Output title after the request.</param>
/// <param name="Summary">Output summary after the request.</param>
/// <param name="Text">Output text after the request.</param>
/// <param name="AnnotationsAdded">Annotations this request added.</param>
/// <param name="AnnotationsTotal">Annotations after this request.</param>
/// <param name="RequestBody">The request body as sent.</param>
public sealed record CheckRunSnapshot(
    DateTimeOffset At,
    string Action,
    string Status,
    string? Conclusion,
    string? Title,
    string? Summary,
    string? Text,
    int AnnotationsAdded,
    int AnnotationsTotal,
    string RequestBody);
