namespace GitGrader.GitHubStandIn.Validation;

/// <summary>What GitHub's OpenAPI description says about one request.</summary>
/// <param name="Match"><c>ok</c>, <c>invalid</c>, <c>unknown_path</c> or <c>unknown_method</c>.</param>
/// <param name="Operation">The operation id (<c>checks/create</c>), when the path and method are known.</param>
/// <param name="Template">The path template matched, when any.</param>
/// <param name="Errors">Everything wrong, empty when the request conforms.</param>
internal sealed record ValidationOutcome(string Match, string? Operation, string? Template, IReadOnlyList<string> Errors)
{
    /// <summary>True when the request conforms.</summary>
    public bool Ok => Match == "ok";

    /// <summary>True when GitHub has no such endpoint (unknown path, or a method the path does not have).</summary>
    public bool IsUnknownEndpoint => Match is "unknown_path" or "unknown_method";
}
