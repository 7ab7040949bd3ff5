namespace GitGrader.Cli;

/// <summary>One thing wrong with an assignment, found by <c>validate</c>.</summary>
internal sealed record ValidationProblem(string Message, string? Detail);
