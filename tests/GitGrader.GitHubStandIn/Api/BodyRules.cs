namespace GitGrader.GitHubStandIn.Api;

/// <summary>GitHub's limits on Markdown bodies of issues and comments, which the OpenAPI description does not state.</summary>
internal static class BodyRules
{
    /// <summary>GitHub's longest issue or comment body.</summary>
    public const int MaxBodyLength = 65_536;

    /// <summary>Null when <paramref name="body"/> is acceptable; else GitHub's complaint.</summary>
    public static string? Check(string? body, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(body))
        {
            return "Validation Failed: body cannot be blank";
        }

        return body is { Length: > MaxBodyLength }
            ? $"Validation Failed: body is too long (maximum is {MaxBodyLength} characters; it has {body.Length})"
            : null;
    }
}
