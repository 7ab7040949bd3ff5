namespace GitGrader.Core.Sandboxing;

/// <summary>Kind of a staged entry.</summary>
public enum StagedEntryKind
{
    /// <summary>A regular file.</summary>
    File,

    /// <summary>A folder.</summary>
    Directory,
}
