namespace GitGrader.Core.Grading;

/// <summary>
/// Walks a folder without ever following a symbolic link: every entry below the root comes out once,
/// a folder before what it holds, names in ordinal order (so the order, and anything hashed from it, is
/// stable). Links are yielded, so a caller can note or skip them, but never entered.
/// </summary>
public static class FolderWalker
{
    private static readonly EnumerationOptions AllEntries = new() { AttributesToSkip = 0 };

    /// <param name="root">The folder to walk (not yielded itself).</param>
    /// <param name="enter">Whether to go into a folder (links never are); null enters every folder.</param>
    public static IEnumerable<WalkedEntry> Walk(DirectoryInfo root, Func<WalkedEntry, bool>? enter = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var pending = new Stack<WalkedEntry>();
        PushChildren(root, string.Empty);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            yield return next;
            if (next.Entry is DirectoryInfo directory && !next.IsLink && (enter?.Invoke(next) ?? true))
            {
                PushChildren(directory, next.Path);
            }
        }

        void PushChildren(DirectoryInfo directory, string path)
        {
            foreach (var child in directory.EnumerateFileSystemInfos("*", AllEntries).OrderByDescending(e => e.Name, StringComparer.Ordinal))
            {
                var childPath = path.Length == 0 ? child.Name : path + "/" + child.Name;
                pending.Push(new WalkedEntry(child, childPath, child.LinkTarget is not null));
            }
        }
    }
}
