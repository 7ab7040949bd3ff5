namespace GitGrader.GitHubStandIn;

/// <summary>Why a request was recorded as a violation.</summary>
public enum ViolationKind
{
    /// <summary>No such endpoint in GitHub's OpenAPI description (unknown path or method).</summary>
    UnknownEndpoint,

    /// <summary>Parameters or body do not match the operation's schema.</summary>
    Schema,

    /// <summary>The body is not JSON.</summary>
    MalformedJson,

    /// <summary>Valid per the schema but refused by GitHub's own rules (e.g. no such commit, completed without conclusion).</summary>
    Semantic,

    /// <summary>A real GitHub endpoint or parameter the stand-in does not implement, so its answer would not be faithful.</summary>
    NotImplemented,

    /// <summary>Not under <c>/api/v3/</c> nor a git URL.</summary>
    OutsideApi,

    /// <summary>The stand-in's own answer or webhook payload does not match GitHub's schema: a bug in the stand-in, not in the caller.</summary>
    StandInBug,
}
