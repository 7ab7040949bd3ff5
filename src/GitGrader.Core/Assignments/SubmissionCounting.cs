namespace GitGrader.Core.Assignments;

/// <summary>An assignment's <c>counts:</c>: which of a student's graded submissions gives the recorded score.</summary>
public enum SubmissionCounting
{
    /// <summary>The highest score after the late penalty, of any submission (the default).</summary>
    Best,

    /// <summary>The latest graded submission, with its late penalty.</summary>
    Latest,

    /// <summary>The highest score of the submissions received by the student's deadline plus grace; later ones are ignored.</summary>
    BestOnTime,

    /// <summary>The latest graded submission received by the student's deadline plus grace; later ones are ignored.</summary>
    LatestOnTime,
}
