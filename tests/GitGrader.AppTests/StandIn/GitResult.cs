namespace GitGrader.AppTests.StandInTests;

public sealed record GitResult(int ExitCode, string Output, string Error);
