using System.Text.RegularExpressions;

namespace GitGrader.Classroom;

/// <summary>GitHub's rules for a user login: 1–39 letters, digits or single inner hyphens.</summary>
public static partial class GitHubLogin
{
    /// <summary>True when <paramref name="login"/> could be a GitHub login.</summary>
    public static bool IsValid(string login) => login.Length is > 0 and <= 39 && Pattern().IsMatch(login);

    [GeneratedRegex("^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
