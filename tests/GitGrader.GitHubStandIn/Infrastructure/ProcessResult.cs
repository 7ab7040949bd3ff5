namespace GitGrader.GitHubStandIn.Infrastructure;

/// <summary>How a finished child process ended and what it printed.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>True when the exit code is 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
