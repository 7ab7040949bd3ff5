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
    /// <param name="maxChildren">
    /// Most entries read from one folder: a folder holding more yields only that many and one, in no set order
    /// (for a caller whose caps reject it anyway, so that 200,000 entries in one folder are never all read or sorted).
    /// </param>
    public static IEnumerable<WalkedEntry> Walk(DirectoryInfo root, Func<WalkedEntry, bool>? enter = null, int maxChildren = int.MaxValue)
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
            var children = directory.EnumerateFileSystemInfos("*", AllEntries);
            if (maxChildren < int.MaxValue)
            {
                children = children.Take(maxChildren + 1);
            }

            foreach (var child in children.OrderByDescending(e => e.Name, StringComparer.Ordinal))
            {
                var childPath = path.Length == 0 ? child.Name : path + "/" + child.Name;
                pending.Push(new WalkedEntry(child, childPath, child.LinkTarget is not null));
            }
        }
    }
}
