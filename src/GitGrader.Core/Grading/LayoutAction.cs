namespace GitGrader.Core.Grading;

/// <summary>What the sandbox does to the workspace before a test past the first phase (see <see cref="LayoutPlan"/>).</summary>
public enum LayoutAction
{
    /// <summary>Nothing: the test runs on the layout the test before it ran on, which holds exactly its files.</summary>
    None = 0,

    /// <summary>The test's instructor files are laid over the working copy as it is.</summary>
    Lay = 1,

    /// <summary>The scratch places are emptied, the working copy restored from the kept copy, and the test's files laid over it.</summary>
    Restore = 2,
}
