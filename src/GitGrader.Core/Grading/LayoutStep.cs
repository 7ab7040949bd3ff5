namespace GitGrader.Core.Grading;

/// <summary>A test past the first phase (its index in the assignment), with what is done to the workspace before it.</summary>
public sealed record LayoutStep(int Test, LayoutAction Action);
