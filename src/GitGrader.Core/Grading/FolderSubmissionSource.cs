using GitGrader.Core.Assignments;

namespace GitGrader.Core.Grading;

/// <summary>
/// A submission folder on disk (<c>gitgrader grade FOLDER</c>, <c>validate</c>), walked without ever
/// following a symbolic link (a link is skipped, so it can never expose a host file) and without going
/// into <c>.git</c> or a folder whose name is not valid UTF-8.
/// </summary>
public sealed class FolderSubmissionSource : ISubmissionSource
{
    /// <summary>Reads the folder <paramref name="directory"/>.</summary>
    public FolderSubmissionSource(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
    }

    /// <summary>The folder read.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public async Task<SubmissionSnapshot> ReadAsync(ResourceLimits limits, CancellationToken cancellationToken)
    {
        var root = new DirectoryInfo(Directory);
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"Submission folder '{Directory}' does not exist.");
        }

        var plan = SubmissionPlan.Make(Entries(root, limits.SubmissionEntries), limits);
        return await plan.StageAsync(
            async (file, token) => await File.ReadAllBytesAsync(file.Locator, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<SubmissionEntry> Entries(DirectoryInfo root, int maxEntries)
    {
        // A folder holding more entries than the whole submission may is over the entries cap whatever else it
        // holds; a folder too deep to list on this host (its path near PATH_MAX) is never entered.
        foreach (var walked in FolderWalker.Walk(root, d => d.Entry.Name != ".git" && !SubmissionEntry.NotUtf8(d.Entry.Name) && SubmissionPaths.FitsOnHost(d.Entry.FullName), maxEntries))
        {
            var (entry, path) = (walked.Entry, walked.Path);
            if (entry is DirectoryInfo && !walked.IsLink && !SubmissionPaths.FitsOnHost(entry.FullName))
            {
                yield return new SubmissionEntry(SubmissionEntryKind.PathTooLong, path);
            }
            else if (SubmissionEntry.NotUtf8(entry.Name))
            {
                yield return new SubmissionEntry(SubmissionEntryKind.NameNotUtf8, path);
            }
            else if (walked.IsLink)
            {
                yield return new SubmissionEntry(SubmissionEntryKind.SymbolicLink, path);
            }
            else if (entry is FileInfo file)
            {
                yield return new SubmissionEntry(SubmissionEntryKind.File, path, file.Length, walked.IsExecutable, file.FullName);
            }
            else if (entry.Name != ".git")
            {
                yield return new SubmissionEntry(SubmissionEntryKind.Directory, path);
            }
        }
    }
}
