using System.Globalization;
using System.Text;
using GitGrader.Core.Assignments;

namespace GitGrader.Core.Grading;

/// <summary>
/// The one place a submission's caps are checked (<see cref="ResourceLimits"/>: entries, files, folders,
/// depth, path length, bytes), entry by entry as a source lists them, before any content is read; both the
/// folder walk and the git listing feed it, so a submission over a cap is refused after at most one entry
/// past it, whatever its size, and with the same words from either source.
/// </summary>
public sealed class SubmissionCaps
{
    private const string Advice = "Remove generated or downloaded files (build output, virtual environments, data sets) and push again.";

    /// <summary>What one file of 1 to 4,096 bytes takes on the workspace's tmpfs: a whole page.</summary>
    public const int PageBytes = 4096;

    private readonly ResourceLimits _limits;
    private long _footprint;
    private int _entries;
    private int _files;
    private int _folders;
    private long _bytes;

    /// <summary>Counts against <paramref name="limits"/>.</summary>
    public SubmissionCaps(ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
    }

    /// <summary>
    /// Counts one more entry (any kind: a link or a skipped name is an entry too); the rejection the student
    /// reads when it passes a cap, else null. Checked in this order: entries, depth, path length, folders,
    /// files, bytes, and the files' footprint in the workspace (each in whole pages).
    /// </summary>
    public string? Add(SubmissionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var path = entry.Path;
        if (++_entries > _limits.SubmissionEntries)
        {
            return Count("entries (files, folders and links together)", _limits.SubmissionEntries, "submission_entries");
        }

        var depth = Depth(path);
        if (depth > _limits.SubmissionDepth)
        {
            return Inline(string.Create(CultureInfo.InvariantCulture, $"'{Shorten(path)}' lies {depth} levels deep in the submission, more than {_limits.SubmissionDepth}, the limit for this assignment"), "submission_depth", "Move it closer to the top and push again.");
        }

        var length = Encoding.UTF8.GetByteCount(path);
        if (length > _limits.SubmissionPathBytes)
        {
            return Inline(string.Create(CultureInfo.InvariantCulture, $"The path '{Shorten(path)}' is {length:N0} bytes long, more than {_limits.SubmissionPathBytes:N0}, the limit for this assignment"), "submission_path_length", "Shorten its name or its folders' names and push again.");
        }

        if (entry.Kind == SubmissionEntryKind.Directory && ++_folders > _limits.SubmissionFolders)
        {
            return Count("folders", _limits.SubmissionFolders, "submission_folders");
        }

        if (entry.Kind != SubmissionEntryKind.File)
        {
            return null;
        }

        if (++_files > _limits.SubmissionFiles)
        {
            return Count("files", _limits.SubmissionFiles, "submission_files");
        }

        _bytes += entry.Size;
        if (_bytes > _limits.SubmissionBytes)
        {
            return Inline(string.Create(CultureInfo.InvariantCulture, $"The submission's files add up to more than {ByteSizeText.Format(_limits.SubmissionBytes)}, the limit for this assignment ('{Shorten(path)}' alone is {ByteSizeText.Format(entry.Size)})"), "submission_size", "Remove large files and push again.");
        }

        // Staged, every file takes whole pages of the workspace: 18,000 files of 1 KB fill 64 MiB, and the
        // upload would fail on our side (a grader error, retried forever) rather than as the submission's verdict.
        _footprint += (entry.Size + PageBytes - 1) / PageBytes * PageBytes;
        return _footprint > _limits.WorkspaceBytes
            ? Inline(string.Create(CultureInfo.InvariantCulture, $"Staged, the submission's {_files:N0} files would take more than the {ByteSizeText.Format(_limits.WorkspaceBytes)} workspace of this assignment (each file takes at least {PageBytes / 1024} KiB there)"), "workspace", "Remove files (many small files count) and push again.")
            : null;
    }

    /// <summary>How many names <paramref name="path"/> has (<c>a/b/c.txt</c> is 3 deep).</summary>
    public static int Depth(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Length == 0 ? 0 : path.AsSpan().Count('/') + 1;
    }

    private static string Count(string what, int limit, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"The submission holds more than {limit:N0} {what}, the limit for this assignment. {Advice} {HowToRaise(key)}");

    private static string Inline(string problem, string key, string advice) => problem + ". " + advice + " " + HowToRaise(key);

    private static string HowToRaise(string key) => $"(Instructors: raise it with `limits: {{ {key}: N }}` in assignment.yml.)";

    /// <summary>A path as shown in a message: long ones cut in the middle, so a rejection stays readable.</summary>
    private static string Shorten(string path) => path.Length <= 120 ? path : path[..60] + "…" + path[^59..];
}
