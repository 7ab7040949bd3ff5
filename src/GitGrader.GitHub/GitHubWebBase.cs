namespace GitGrader.GitHub;

/// <summary>GitHub's web host (sign-in pages, git remotes) for a REST API base URL.</summary>
public static class GitHubWebBase
{
    /// <summary><c>https://github.com/</c> for api.github.com; the host root for GitHub Enterprise Server's <c>/api/v3/</c>.</summary>
    public static Uri For(Uri apiBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(apiBaseUrl);
        if (string.Equals(apiBaseUrl.Host, "api.github.com", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri("https://github.com/");
        }

        var path = apiBaseUrl.AbsolutePath;
        var index = path.IndexOf("/api/v3", StringComparison.OrdinalIgnoreCase);
        return new Uri(apiBaseUrl, index >= 0 ? path[..(index + 1)] : "/");
    }
}
