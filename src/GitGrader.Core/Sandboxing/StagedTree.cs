namespace GitGrader.Core.Sandboxing;

/// <summary>Files and folders to copy into a sandbox workspace, relative to <see cref="SandboxPaths.Workspace"/>.</summary>
public sealed class StagedTree
{
    private readonly List<StagedEntry> _entries = [];

    /// <summary>Entries in the order they are written (parents before children).</summary>
    public IReadOnlyList<StagedEntry> Entries => _entries;

    /// <summary>Total bytes of file content.</summary>
    public long ContentBytes { get; private set; }

    /// <summary>Adds a folder.</summary>
    public StagedTree AddDirectory(string relativePath, StagedOwner owner)
    {
        _entries.Add(new StagedEntry(relativePath, StagedEntryKind.Directory, owner, Content: null));
        return this;
    }

    /// <summary>Adds a file with the given content.</summary>
    public StagedTree AddFile(string relativePath, StagedOwner owner, ReadOnlyMemory<byte> content, bool executable = false)
    {
        _entries.Add(new StagedEntry(relativePath, StagedEntryKind.File, owner, content, executable));
        ContentBytes += content.Length;
        return this;
    }
}
