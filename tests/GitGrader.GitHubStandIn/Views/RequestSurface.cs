namespace GitGrader.GitHubStandIn;

/// <summary>Which part of the stand-in a request reached.</summary>
public enum RequestSurface
{
    /// <summary>The REST API under <c>/api/v3/</c>.</summary>
    Rest,

    /// <summary>Git over smart HTTP under <c>/{owner}/{repo}.git/</c>.</summary>
    Git,

    /// <summary>GitHub's web OAuth endpoints under <c>/login/oauth/</c> (the App's user authorization).</summary>
    OAuth,

    /// <summary>Anything else (always a 404 and a violation).</summary>
    Other,
}
