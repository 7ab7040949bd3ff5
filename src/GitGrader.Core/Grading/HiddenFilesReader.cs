using GitGrader.Core.Assignments;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Grading;

/// <summary>
/// Stages an assignment's <c>hidden/</c> folder twice, owned by root: under <c>hidden/</c> (where
/// the pytest kind reads its tests, apart from the student's files) and over the working copy at the
/// same relative paths, replacing any student file there (GitHub Classroom's layout).
/// </summary>
public static class HiddenFilesReader
{
    /// <summary>Stages all of <c>hidden/</c>, or only <paramref name="only"/> (paths relative to it, files or folders) and their parent folders.</summary>
    public static async Task<StagedTree?> ReadAsync(Assignment assignment, CancellationToken cancellationToken, IReadOnlyCollection<string>? only = null)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var root = new DirectoryInfo(assignment.HiddenDirectory);
        if (!root.Exists)
        {
            return null;
        }

        var tree = new StagedTree().AddDirectory("hidden", StagedOwner.Grader);
        var overlay = new List<(string Path, byte[]? Content, bool Executable)>();

        // Walked by hand: a symbolic link (to a file or a folder) is never followed or staged.
        var pending = new Stack<DirectoryInfo>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            var children = current.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 })
                .OrderBy(e => e.Name, StringComparer.Ordinal)
                .ToList();
            foreach (var entry in children)
            {
                if (entry.LinkTarget is not null)
                {
                    continue;
                }

                var relative = Path.GetRelativePath(root.FullName, entry.FullName).Replace('\\', '/');
                if (only is not null && !Selected(relative, entry is DirectoryInfo, only))
                {
                    continue;
                }

                if (entry is DirectoryInfo directory)
                {
                    tree.AddDirectory($"hidden/{relative}", StagedOwner.Grader);
                    overlay.Add(($"{SubmissionReader.Root}/{relative}", null, false));
                    continue;
                }

                var content = await File.ReadAllBytesAsync(entry.FullName, cancellationToken).ConfigureAwait(false);
                var executable = (((FileInfo)entry).UnixFileMode & UnixFileMode.UserExecute) != 0;
                tree.AddFile($"hidden/{relative}", StagedOwner.Grader, content, executable);
                overlay.Add(($"{SubmissionReader.Root}/{relative}", content, executable));
            }

            // Children after their parent's entries, in name order.
            foreach (var directory in children.OfType<DirectoryInfo>().Where(d => d.LinkTarget is null).Reverse())
            {
                pending.Push(directory);
            }
        }

        foreach (var (path, content, executable) in overlay)
        {
            if (content is null)
            {
                tree.AddDirectory(path, StagedOwner.Student);
            }
            else
            {
                tree.AddFile(path, StagedOwner.Grader, content, executable);
            }
        }

        return tree;
    }

    private static bool Selected(string relative, bool isDirectory, IReadOnlyCollection<string> only) =>
        only.Any(path =>
        {
            var wanted = path.Trim('/');
            return relative == wanted
                || relative.StartsWith(wanted + "/", StringComparison.Ordinal)
                || (isDirectory && wanted.StartsWith(relative + "/", StringComparison.Ordinal));
        });
}
