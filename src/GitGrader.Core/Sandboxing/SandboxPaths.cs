namespace GitGrader.Core.Sandboxing;

/// <summary>Fixed paths inside every sandbox.</summary>
public static class SandboxPaths
{
    /// <summary>Root of the per-submission workspace (owned by root, size-capped).</summary>
    public const string Workspace = "/work";

    /// <summary>The student's working copy; the working directory of every step.</summary>
    public const string Submission = "/work/submission";

    /// <summary>Hidden tests for the pytest kind (read-only to the student).</summary>
    public const string Hidden = "/work/hidden";

    /// <summary>Where steps write machine-readable results.</summary>
    public const string Results = "/work/results";
}
