namespace GitGrader.Ingest;

/// <summary><c>GET /healthz</c>: the store answers, and how deep the queue is.</summary>
/// <param name="Status"><c>ok</c> or <c>unhealthy</c>.</param>
/// <param name="Queued">Jobs waiting.</param>
/// <param name="Running">Jobs being graded.</param>
/// <param name="Failed">Jobs that ended as grader errors.</param>
/// <param name="Error">What is wrong, when unhealthy.</param>
public sealed record HealthAnswer(string Status, int Queued, int Running, int Failed, string? Error = null);
