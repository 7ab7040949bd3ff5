namespace GitGrader.Storage;

/// <summary>What a job does.</summary>
public enum JobKind
{
    /// <summary>Fetch, grade, persist and report.</summary>
    Grade,

    /// <summary>Report the submission's latest result again (a pull request opened after grading).</summary>
    Report,
}
