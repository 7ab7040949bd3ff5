namespace GitGrader.Sandbox.Engine;

/// <summary>What the engine says of a container.</summary>
/// <param name="Running">Whether its main process runs.</param>
/// <param name="OomKilled">Whether its main process was killed for want of memory.</param>
internal sealed record ContainerStatus(bool Running, bool OomKilled);
