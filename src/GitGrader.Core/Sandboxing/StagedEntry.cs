namespace GitGrader.Core.Sandboxing;

/// <summary>One file or folder to stage.</summary>
/// <param name="RelativePath">Path under the workspace, forward slashes, no <c>..</c>.</param>
/// <param name="Kind">File or folder.</param>
/// <param name="Owner">Who owns it inside the sandbox.</param>
/// <param name="Content">File bytes; null for folders.</param>
/// <param name="Executable">Whether the file is executable.</param>
public sealed record StagedEntry(string RelativePath, StagedEntryKind Kind, StagedOwner Owner, ReadOnlyMemory<byte>? Content, bool Executable = false);
