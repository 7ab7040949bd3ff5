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
    public static async Task<StagedTree?> ReadAsync(Assignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var root = new DirectoryInfo(assignment.HiddenDirectory);
        if (!root.Exists)
        {
            return null;
        }

        var tree = new StagedTree().AddDirectory("hidden", StagedOwner.Grader);
        var overlay = new List<(string Path, byte[]? Content, bool Executable)>();
        foreach (var entry in root.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                     .OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            var relative = Path.GetRelativePath(root.FullName, entry.FullName).Replace('\\', '/');
            if (entry is DirectoryInfo)
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
}
