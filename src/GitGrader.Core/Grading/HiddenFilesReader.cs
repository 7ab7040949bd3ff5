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
    private const string HiddenRoot = "hidden";

    /// <summary>Stages all of <c>hidden/</c>; null when the assignment has none.</summary>
    public static async Task<StagedTree?> ReadAsync(Assignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var root = new DirectoryInfo(assignment.HiddenDirectory);
        if (!root.Exists)
        {
            return null;
        }

        var tree = new StagedTree().AddDirectory(HiddenRoot, StagedOwner.Grader);
        var overlay = new List<(string Path, byte[]? Content, bool Executable)>();

        // A symbolic link (to a file or a folder) is never followed or staged.
        foreach (var walked in FolderWalker.Walk(root).Where(w => !w.IsLink))
        {
            var relative = walked.Path;
            if (walked.Entry is DirectoryInfo)
            {
                tree.AddDirectory($"{HiddenRoot}/{relative}", StagedOwner.Grader);
                overlay.Add(($"{SubmissionSnapshot.Root}/{relative}", null, false));
                continue;
            }

            var content = await File.ReadAllBytesAsync(walked.Entry.FullName, cancellationToken).ConfigureAwait(false);
            var executable = walked.IsExecutable;
            tree.AddFile($"{HiddenRoot}/{relative}", StagedOwner.Grader, content, executable);
            overlay.Add(($"{SubmissionSnapshot.Root}/{relative}", content, executable));
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

    /// <summary>
    /// The part of a tree from <see cref="ReadAsync"/> that stages only <paramref name="only"/> (paths relative
    /// to <c>hidden/</c>, files or folders) and their parent folders, in both places; the content is shared, not read again.
    /// </summary>
    public static StagedTree Select(StagedTree hidden, IReadOnlyCollection<string> only)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(only);
        var selected = new StagedTree();
        foreach (var entry in hidden.Entries)
        {
            var slash = entry.RelativePath.IndexOf('/', StringComparison.Ordinal);
            var isRoot = slash < 0;
            if (!isRoot && !Selected(entry.RelativePath[(slash + 1)..], entry.Kind == StagedEntryKind.Directory, only))
            {
                continue;
            }

            if (entry.Kind == StagedEntryKind.Directory)
            {
                selected.AddDirectory(entry.RelativePath, entry.Owner);
            }
            else
            {
                selected.AddFile(entry.RelativePath, entry.Owner, entry.Content ?? ReadOnlyMemory<byte>.Empty, entry.Executable);
            }
        }

        return selected;
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
