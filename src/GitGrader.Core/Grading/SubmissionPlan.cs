using System.Globalization;
using GitGrader.Core.Assignments;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Grading;

/// <summary>
/// The one path every <see cref="ISubmissionSource"/> stages through: the entries a source found are
/// sorted out (folders and files kept, links, submodules and odd names noted), the file-count and size
/// caps are checked on the sizes alone, and only then is content read, into a <see cref="StagedTree"/>
/// under <see cref="SubmissionSnapshot.Root"/>, folders before files.
/// </summary>
public sealed class SubmissionPlan
{
    private readonly List<string> _directories = [];
    private readonly List<SubmissionEntry> _files = [];
    private readonly List<string> _notes = [];

    private SubmissionPlan()
    {
    }

    /// <summary>The files to read, in staging order (none when rejected).</summary>
    public IReadOnlyList<SubmissionEntry> Files => Rejection is null ? _files : [];

    /// <summary>Set when a cap was passed; nothing is read or graded then.</summary>
    public string? Rejection { get; private set; }

    /// <summary>
    /// Sorts out <paramref name="entries"/> (read lazily: the first entry over a cap ends the walk).
    /// </summary>
    public static SubmissionPlan Make(IEnumerable<SubmissionEntry> entries, ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(limits);
        var plan = new SubmissionPlan();
        long totalBytes = 0;
        string? tooLong = null;
        foreach (var entry in entries)
        {
            var path = entry.Path;
            if (tooLong is not null && path.StartsWith(tooLong, StringComparison.Ordinal))
            {
                continue; // inside a folder already skipped for its path's length
            }

            if (entry.Kind == SubmissionEntryKind.PathTooLong || SubmissionPaths.TooLong(path))
            {
                plan._notes.Add($"Skipped '{SubmissionPaths.Shorten(path)}' and all it holds: its path is longer than a sandbox can stage ({SubmissionPaths.MaxPathBytes} bytes in all, {SubmissionPaths.MaxNameBytes} a name).");
                tooLong = path + "/";
                continue;
            }

            switch (entry.Kind)
            {
                case SubmissionEntryKind.Directory:
                    plan._directories.Add(path);
                    continue;
                case SubmissionEntryKind.SymbolicLink:
                    plan._notes.Add($"Skipped symbolic link '{path}': links are never followed.");
                    continue;
                case SubmissionEntryKind.Submodule:
                    plan._notes.Add($"Skipped submodule '{path}': submodules are never fetched; commit the files themselves.");
                    continue;
                case SubmissionEntryKind.NameNotUtf8:
                    // The name cannot be opened again as decoded, nor shown faithfully.
                    plan._notes.Add($"Skipped '{path}': its name is not valid UTF-8.");
                    continue;
                case SubmissionEntryKind.Refused:
                    plan._notes.Add($"Skipped '{path}': git refuses to check out an entry with that name or mode.");
                    continue;
            }

            totalBytes += entry.Size;
            plan._files.Add(entry);
            if (plan._files.Count > limits.SubmissionFiles)
            {
                plan.Rejection = TooManyFiles(limits);
                break;
            }

            if (totalBytes > limits.SubmissionBytes)
            {
                plan.Rejection = string.Create(CultureInfo.InvariantCulture, $"The submission's files add up to more than {ByteSizeText.Format(limits.SubmissionBytes)}, the limit for this assignment ('{path}' alone is {ByteSizeText.Format(entry.Size)}). Remove large files and push again.");
                break;
            }
        }

        return plan;
    }

    /// <summary>
    /// A plan rejected for its file count, for a source that knows the submission holds more files than
    /// <see cref="ResourceLimits.SubmissionFiles"/> before it has listed them all.
    /// </summary>
    public static SubmissionPlan OverFileCount(ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new SubmissionPlan { Rejection = TooManyFiles(limits) };
    }

    /// <summary>
    /// Stages the plan: <paramref name="read"/> is asked for the content of every file longer than zero
    /// bytes, in order (zero-length entries are staged without being opened, so a FIFO or device node in
    /// a folder can never block or be read). A read that fails with an <see cref="IOException"/> or
    /// <see cref="UnauthorizedAccessException"/> skips the file with a note. A rejected plan reads nothing.
    /// </summary>
    public async Task<SubmissionSnapshot> StageAsync(Func<SubmissionEntry, CancellationToken, ValueTask<ReadOnlyMemory<byte>>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var tree = new StagedTree().AddDirectory(SubmissionSnapshot.Root, StagedOwner.Student);
        var notes = new List<string>(_notes);
        if (Rejection is not null)
        {
            return new SubmissionSnapshot(tree, 0, notes, Rejection);
        }

        foreach (var directory in _directories)
        {
            tree.AddDirectory($"{SubmissionSnapshot.Root}/{directory}", StagedOwner.Student);
        }

        var taken = 0;
        foreach (var file in _files)
        {
            ReadOnlyMemory<byte> content;
            try
            {
                content = file.Size == 0 ? ReadOnlyMemory<byte>.Empty : await read(file, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                notes.Add($"Skipped '{file.Path}': it could not be read ({ex.GetType().Name}).");
                continue;
            }

            tree.AddFile($"{SubmissionSnapshot.Root}/{file.Path}", StagedOwner.Student, content, file.Executable);
            taken++;
        }

        return new SubmissionSnapshot(tree, taken, notes, null);
    }

    private static string TooManyFiles(ResourceLimits limits) =>
        string.Create(CultureInfo.InvariantCulture, $"The submission holds more than {limits.SubmissionFiles:N0} files, the limit for this assignment. Remove generated or downloaded files (build output, virtual environments, data sets) and push again.");
}
