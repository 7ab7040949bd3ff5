namespace GitGrader.GitHub.Rest.Json;

/// <summary>The body of a check run POST or PATCH; null members are left out.</summary>
internal sealed class CheckRunRequestJson
{
    public string? Name { get; init; }

    public string? HeadSha { get; init; }

    public string? ExternalId { get; init; }

    public string? Status { get; init; }

    public string? StartedAt { get; init; }

    public string? Conclusion { get; init; }

    public string? CompletedAt { get; init; }

    public CheckRunOutputJson? Output { get; init; }
}
