namespace GitGrader.Core.Grading;

/// <summary>One entry met by <see cref="FolderWalker"/>.</summary>
/// <param name="Entry">The file, folder or link.</param>
/// <param name="Path">Its path relative to the walked folder, with forward slashes.</param>
/// <param name="IsLink">Whether it is a symbolic link (never entered, never read through).</param>
public sealed record WalkedEntry(FileSystemInfo Entry, string Path, bool IsLink)
{
    /// <summary>Whether it is a file its owner may execute (the bit staged files keep).</summary>
    public bool IsExecutable => Entry is FileInfo file && (file.UnixFileMode & UnixFileMode.UserExecute) != 0;
}
