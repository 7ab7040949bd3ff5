namespace GitGrader.Provisioning;

/// <summary>The Feedback pull request's words, after GitHub Classroom's: what it is for, and not to merge or close it.</summary>
internal static class FeedbackPullRequest
{
    /// <summary>The branch at the starter commit that the pull request goes into.</summary>
    public const string Branch = "feedback";

    /// <summary>The message of the empty commit on the default branch that the pull request needs to exist.</summary>
    public const string SetUpCommitMessage = "Set up the Feedback pull request";

    /// <summary>The message of the starter commit of a repository made from <c>starter/</c>.</summary>
    public const string StarterCommitMessage = "Starter code";

    /// <summary>The pull request's body.</summary>
    public static string Body(string defaultBranch) => $"""
        GitGrader opened this pull request as the place for your feedback: your teacher's comments and GitGrader's results
        appear here, and it updates by itself as you push to `{defaultBranch}`. **Do not merge or close it.**

        *Files changed* and *Commits* show everything you pushed to `{defaultBranch}` since the assignment started.
        """;
}
