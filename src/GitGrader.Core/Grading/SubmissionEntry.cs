namespace GitGrader.Core.Grading;

/// <summary>One entry a <see cref="ISubmissionSource"/> found, in the order it is staged.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Path">Its path below the submission's root, with forward slashes (shown in notes).</param>
/// <param name="Size">A file's length in bytes, known before its content is read.</param>
/// <param name="Executable">Whether a file keeps its owner's execute bit.</param>
/// <param name="Locator">Where the source reads a file's content from (a full path, a blob id).</param>
public sealed record SubmissionEntry(SubmissionEntryKind Kind, string Path, long Size = 0, bool Executable = false, string Locator = "")
{
    /// <summary>
    /// Whether a decoded name came from bytes that are not valid UTF-8: .NET (for a file name) and a
    /// lenient UTF-8 decode (for a git path) put U+FFFD in place of the bad bytes.
    /// </summary>
    public static bool NotUtf8(string name) => name.Contains('\uFFFD', StringComparison.Ordinal);

    /// <summary>
    /// Orders paths as <see cref="FolderWalker"/> meets them: a folder, then what it holds, names in
    /// ordinal order (a path separator sorts before any character).
    /// </summary>
    public static int ComparePaths(string x, string y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return x[i] == '/' ? -1 : y[i] == '/' ? 1 : x[i].CompareTo(y[i]);
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
