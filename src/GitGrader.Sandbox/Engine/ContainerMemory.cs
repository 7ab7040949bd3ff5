namespace GitGrader.Sandbox.Engine;

/// <summary>The container's memory as the host's cgroup counts it (what <c>docker stats</c> shows).</summary>
/// <param name="Used">Bytes in use that the kernel cannot simply drop: usage less the inactive page cache.</param>
/// <param name="Limit">The container's memory cap, in bytes.</param>
internal sealed record ContainerMemory(long Used, long Limit);
