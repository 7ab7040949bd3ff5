using System.Globalization;
using GitGrader.Core.Assignments;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Grading;

/// <summary>
/// Reads a submission folder into a <see cref="StagedTree"/> without ever following a symbolic link
/// (a link in the submission is skipped, so it can never expose a host file), skipping <c>.git</c>,
/// and enforcing the file-count and size caps before a byte is read.
/// </summary>
public static class SubmissionReader
{
    /// <summary>The folder every student file is staged under.</summary>
    public const string Root = "submission";

    public static async Task<SubmissionSnapshot> ReadAsync(string directory, ResourceLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var root = new DirectoryInfo(directory);
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"Submission folder '{directory}' does not exist.");
        }

        var notes = new List<string>();
        var files = new List<(FileInfo File, string Relative, bool Executable)>();
        var directories = new List<string>();
        long totalBytes = 0;
        string? rejection = null;

        // Neither .git nor a folder whose name is not valid UTF-8 is entered (links never are).
        foreach (var walked in FolderWalker.Walk(root, d => d.Entry.Name != ".git" && !NotUtf8(d.Entry.Name)))
        {
            var (entry, path) = (walked.Entry, walked.Path);
            if (NotUtf8(entry.Name))
            {
                // The name cannot be opened again as decoded, nor shown faithfully.
                notes.Add($"Skipped '{path}': its name is not valid UTF-8.");
                continue;
            }

            if (walked.IsLink)
            {
                notes.Add($"Skipped symbolic link '{path}': links are never followed.");
                continue;
            }

            if (entry is DirectoryInfo)
            {
                if (entry.Name != ".git")
                {
                    directories.Add(path);
                }

                continue;
            }

            var file = (FileInfo)entry;
            totalBytes += file.Length;
            files.Add((file, path, walked.IsExecutable));
            if (files.Count > limits.SubmissionFiles)
            {
                rejection = string.Create(CultureInfo.InvariantCulture, $"The submission holds more than {limits.SubmissionFiles:N0} files, the limit for this assignment. Remove generated or downloaded files (build output, virtual environments, data sets) and push again.");
                break;
            }

            if (totalBytes > limits.SubmissionBytes)
            {
                rejection = string.Create(CultureInfo.InvariantCulture, $"The submission's files add up to more than {ByteSizeText.Format(limits.SubmissionBytes)}, the limit for this assignment ('{path}' alone is {ByteSizeText.Format(file.Length)}). Remove large files and push again.");
                break;
            }
        }

        var tree = new StagedTree().AddDirectory(Root, StagedOwner.Student);
        if (rejection is not null)
        {
            return new SubmissionSnapshot(tree, 0, notes, rejection);
        }

        foreach (var relative in directories)
        {
            tree.AddDirectory($"{Root}/{relative}", StagedOwner.Student);
        }

        var taken = 0;
        foreach (var (file, relative, executable) in files)
        {
            // Zero-length entries are staged without being opened, so a FIFO or device node in the
            // folder can never block or be read; git cannot hold such files anyway.
            ReadOnlyMemory<byte> content;
            try
            {
                content = file.Length == 0
                    ? ReadOnlyMemory<byte>.Empty
                    : await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                notes.Add($"Skipped '{relative}': it could not be read ({ex.GetType().Name}).");
                continue;
            }

            tree.AddFile($"{Root}/{relative}", StagedOwner.Student, content, executable);
            taken++;
        }

        return new SubmissionSnapshot(tree, taken, notes, null);
    }

    /// <summary>.NET decodes a name that is not valid UTF-8 with U+FFFD in place of the bad bytes.</summary>
    private static bool NotUtf8(string name) => name.Contains('\uFFFD', StringComparison.Ordinal);
}
