using System.Globalization;
using System.Text;
using GitGrader.Core.Grading;

namespace GitGrader.Worker;

/// <summary>Turns <c>git ls-tree -r -t -z -l</c> records into <see cref="SubmissionEntry"/> values.</summary>
internal static class GitTreeEntry
{
    private const int TypeMask = 0xF000; // S_IFMT
    private const int RegularFile = 0x8000; // S_IFREG
    private const int SymbolicLinkMode = 0xA000; // S_IFLNK
    private const int OwnerExecute = 0x40; // S_IXUSR

    /// <summary>
    /// One record, <c>MODE TYPE OID SIZE\tPATH</c> (the path as git stores it: raw bytes, decoded leniently
    /// so that bad bytes show as U+FFFD); null when the record is not in that shape or names a missing blob.
    /// </summary>
    public static SubmissionEntry? Parse(ReadOnlySpan<byte> record)
    {
        var tab = record.IndexOf((byte)'\t');
        if (tab < 0)
        {
            return null;
        }

        var fields = Encoding.ASCII.GetString(record[..tab]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var path = Encoding.UTF8.GetString(record[(tab + 1)..]);
        if (fields.Length != 4 || path.Length == 0 || fields[0].Length is 0 or > 7 || !fields[0].All(c => c is >= '0' and <= '7'))
        {
            return null;
        }

        var mode = Convert.ToInt32(fields[0], 8);
        return fields[1] switch
        {
            "tree" => new SubmissionEntry(SubmissionEntryKind.Directory, path),
            "commit" => new SubmissionEntry(SubmissionEntryKind.Submodule, path),
            "blob" when (mode & TypeMask) == SymbolicLinkMode => new SubmissionEntry(SubmissionEntryKind.SymbolicLink, path),
            // A size of "-" is a blob git could not find: no entry, so the listing fails.
            "blob" when (mode & TypeMask) == RegularFile => long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                ? new SubmissionEntry(SubmissionEntryKind.File, path, size, (mode & OwnerExecute) != 0, fields[2])
                : null,
            _ => new SubmissionEntry(SubmissionEntryKind.Refused, path),
        };
    }

    /// <summary>
    /// Replaces an entry whose path has a name that is not valid UTF-8 or that git refuses (<c>.git</c> in
    /// any case, <c>.</c>, <c>..</c>, empty) by one entry for the first such name, and drops what lies
    /// below it: as <see cref="FolderWalker"/> notes such a folder once and never goes into it. What only
    /// a hand-made tree holds (a second entry of the same name, an entry below a file) is refused too.
    /// <paramref name="sorted"/> is in <see cref="SubmissionEntry.ComparePaths"/> order.
    /// </summary>
    public static List<SubmissionEntry> SkipUnder(IEnumerable<SubmissionEntry> sorted)
    {
        var kept = new List<SubmissionEntry>();
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        var folders = new HashSet<string>(StringComparer.Ordinal) { string.Empty };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in sorted)
        {
            var names = entry.Path.Split('/');
            var bad = Array.FindIndex(names, Unfit);
            var parent = names.Length == 1 ? string.Empty : entry.Path[..entry.Path.LastIndexOf('/')];
            if (bad < 0 && seen.Add(entry.Path) && folders.Contains(parent))
            {
                kept.Add(entry);
                if (entry.Kind == SubmissionEntryKind.Directory)
                {
                    folders.Add(entry.Path);
                }

                continue;
            }

            var prefix = bad < 0 ? entry.Path : string.Join('/', names[..(bad + 1)]);
            if (skipped.Add(prefix) && (bad >= 0 || !skipped.Contains(parent)))
            {
                kept.Add(new SubmissionEntry(bad >= 0 && SubmissionEntry.NotUtf8(names[bad]) ? SubmissionEntryKind.NameNotUtf8 : SubmissionEntryKind.Refused, prefix));
            }
        }

        return kept;
    }

    /// <summary>Whether <see cref="SkipUnder"/> keeps an entry at <paramref name="path"/>: no name in it is unfit.</summary>
    public static bool Staged(string path) => !path.Split('/').Any(Unfit);

    /// <summary>A name not valid UTF-8, or one git refuses in a working copy.</summary>
    private static bool Unfit(string name) =>
        SubmissionEntry.NotUtf8(name) || name is "" or "." or ".." || name.Equals(".git", StringComparison.OrdinalIgnoreCase);
}
