namespace GitGrader.GitHub.Webhooks.Json;

/// <summary><c>check_run</c> of a <c>check_run</c> body.</summary>
internal sealed class CheckRunJson
{
    public long? Id { get; init; }

    public string? Name { get; init; }

    public string? HeadSha { get; init; }

    public string? ExternalId { get; init; }

    public AppJson? App { get; init; }

    public CheckSuiteJson? CheckSuite { get; init; }
}
