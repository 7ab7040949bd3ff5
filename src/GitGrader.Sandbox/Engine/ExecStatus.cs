namespace GitGrader.Sandbox.Engine;

/// <summary>What the engine says of an exec.</summary>
/// <param name="Running">Whether its process still runs.</param>
/// <param name="ExitCode">Its exit status once it has ended.</param>
internal sealed record ExecStatus(bool Running, long? ExitCode);
