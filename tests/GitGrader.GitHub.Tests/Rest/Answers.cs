namespace GitGrader.GitHub.Tests.Rest;

/// <summary>GitHub-shaped JSON answers for the scripted server.</summary>
internal static class Answers
{
    public static readonly RepositoryRef Repo = new("octo-org", "hw1-alice");

    public const string RepoPath = "/api/v3/repos/octo-org/hw1-alice";

    public static string CheckRun(long id, string status = "queued", string? conclusion = null)
    {
        var quotedConclusion = conclusion is null ? "null" : $"\"{conclusion}\"";
        return $$"""{"id":{{id}},"name":"Homework 1","head_sha":"abc123","external_id":"job-7","status":"{{status}}","conclusion":{{quotedConclusion}},"html_url":"https://github.com/octo-org/hw1-alice/runs/{{id}}","app":{"id":123} }""";
    }

    public static string Issue(int number, bool pullRequest = false)
        => $$"""{"number":{{number}},"title":"Issue {{number}}","body":"Body {{number}}","state":"open","html_url":"https://github.com/octo-org/hw1-alice/issues/{{number}}"{{(pullRequest ? ",\"pull_request\":{\"url\":\"x\"}" : string.Empty)}} }""";

    public static string Comment(long id) => $$"""{"id":{{id}},"body":"Comment {{id}}","user":{"login":"gitgrader[bot]"},"html_url":"https://github.com/c/{{id}}"}""";
}
