namespace GitGrader.Sandbox.Engine;

/// <summary>A resource limit (<c>setrlimit</c>) of every process in a container.</summary>
internal sealed record ContainerUlimit(string Name, long Soft, long Hard);
