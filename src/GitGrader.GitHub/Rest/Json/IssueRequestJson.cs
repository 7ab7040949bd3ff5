namespace GitGrader.GitHub.Rest.Json;

/// <summary>The body of an issue or comment POST or PATCH; null members are left out.</summary>
internal sealed class IssueRequestJson
{
    public string? Title { get; init; }

    public string? Body { get; init; }
}
