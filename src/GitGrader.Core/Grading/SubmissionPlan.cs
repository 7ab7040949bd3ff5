using System.Globalization;
using GitGrader.Core.Assignments;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Grading;

/// <summary>
/// The one path every <see cref="ISubmissionSource"/> stages through: the entries a source found are
/// sorted out (folders and files kept, links, submodules and odd names noted, compiled Python dropped), the
/// caps (<see cref="SubmissionCaps"/>) are checked on the listing alone, and only then is content read, into a <see cref="StagedTree"/>
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
        var caps = new SubmissionCaps(limits);
        var compiled = 0;
        string? compiledFolder = null;
        string? tooLong = null;
        foreach (var entry in entries)
        {
            if (caps.Add(entry) is { } rejection)
            {
                plan.Rejection = rejection;
                break;
            }

            var path = entry.Path;
            if (tooLong is not null && path.StartsWith(tooLong, StringComparison.Ordinal))
            {
                continue; // inside a folder already skipped for its path's length
            }

            if (entry.Kind == SubmissionEntryKind.PathTooLong || SubmissionPaths.TooLong(path))
            {
                // Reached only where an assignment raises the path cap past what a sandbox can stage.
                plan._notes.Add($"Skipped '{SubmissionPaths.Shorten(path)}' and all it holds: its path is longer than a sandbox can stage ({SubmissionPaths.MaxPathBytes} bytes in all, {SubmissionPaths.MaxNameBytes} a name).");
                tooLong = path + "/";
                continue;
            }

            if (compiledFolder is not null && path.StartsWith(compiledFolder, StringComparison.Ordinal))
            {
                compiled += entry.Kind == SubmissionEntryKind.File && IsCompiledPython(path) ? 1 : 0;
                continue;
            }

            switch (entry.Kind)
            {
                case SubmissionEntryKind.Directory when IsBytecodeCache(path):
                    // Python imports a cached module in place of its source (even under -I -B, when its hash is
                    // unchecked): the source is graded, never what the student compiled.
                    compiledFolder = path + "/";
                    continue;
                case SubmissionEntryKind.Directory:
                    plan._directories.Add(path);
                    continue;
                case SubmissionEntryKind.File when IsCompiledPython(path):
                    compiled++;
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

            plan._files.Add(entry);
        }

        if (compiled > 0 || compiledFolder is not null)
        {
            plan._notes.Add(compiled == 1
                ? "1 compiled Python file (.pyc) was not staged, nor any __pycache__ folder; the source is graded."
                : string.Create(CultureInfo.InvariantCulture, $"{compiled:N0} compiled Python files (.pyc) were not staged, nor any __pycache__ folder; the source is graded."));
        }

        return plan;
    }

    /// <summary>A plan rejected before its source listed everything (<paramref name="rejection"/> from <see cref="SubmissionCaps"/>).</summary>
    public static SubmissionPlan Rejected(string rejection)
    {
        ArgumentException.ThrowIfNullOrEmpty(rejection);
        return new SubmissionPlan { Rejection = rejection };
    }

    /// <summary>Whether a file is compiled Python (<c>.pyc</c>, or <c>.pyo</c> of old; any case), never staged.</summary>
    public static bool IsCompiledPython(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".pyc", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".pyo", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsBytecodeCache(string path) =>
        path.Equals("__pycache__", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/__pycache__", StringComparison.OrdinalIgnoreCase);

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
}
