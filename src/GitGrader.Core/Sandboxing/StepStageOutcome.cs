namespace GitGrader.Core.Sandboxing;

/// <summary>Whether a <see cref="StepStage"/> could be laid out.</summary>
public enum StepStageOutcome
{
    /// <summary>The sandbox is ready for the step.</summary>
    Ready,

    /// <summary>The workspace had no room left (what the student's code wrote took it): the step cannot run.</summary>
    NoRoom,
}
