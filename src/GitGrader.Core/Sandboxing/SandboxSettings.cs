using GitGrader.Core.Assignments;

namespace GitGrader.Core.Sandboxing;

/// <summary>What a session is created with.</summary>
/// <param name="Image">Image to run.</param>
/// <param name="Limits">Caps to enforce.</param>
/// <param name="Purpose">Short label for logs and container labels, e.g. the assignment slug.</param>
public sealed record SandboxSettings(string Image, ResourceLimits Limits, string Purpose);
