namespace GitGrader.Core.Sandboxing;

/// <summary>A file read back from a sandbox, or why it could not be.</summary>
/// <param name="State">What was found.</param>
/// <param name="Content">The bytes, when <see cref="SandboxFileState.Read"/>.</param>
/// <param name="Length">Size in bytes, when known.</param>
public sealed record SandboxFile(SandboxFileState State, byte[]? Content, long Length)
{
    public static SandboxFile Missing { get; } = new(SandboxFileState.Missing, null, 0);
}
