namespace GitGrader.Classroom.Import;

/// <summary>
/// Writes an import's files under the output folder: every file first to a temporary name beside it, then each moved
/// into place, so a failure leaves the earlier files as they were (and a rerun finishes a crash between two moves).
/// </summary>
internal static class ImportFileWriter
{
    private const string TemporarySuffix = ".gitgrader-import-tmp";

    /// <summary>What writing each file of <paramref name="files"/> under <paramref name="output"/> would do.</summary>
    public static async Task<IReadOnlyList<FileChange>> CompareAsync(IEnumerable<PlannedFile> files, string output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var root = Path.GetFullPath(output);
        var changes = new List<FileChange>();
        foreach (var file in files)
        {
            var path = Path.GetFullPath(Path.Combine(root, file.RelativePath));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new ClassroomExportException($"{file.RelativePath}: would be written outside {root}.");
            }

            var kind = !File.Exists(path)
                ? FileChangeKind.New
                : string.Equals(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), file.Content, StringComparison.Ordinal)
                    ? FileChangeKind.Unchanged
                    : FileChangeKind.Changed;
            changes.Add(new FileChange(file, path, kind));
        }

        return changes;
    }

    /// <summary>Writes every new or changed file.</summary>
    public static async Task WriteAsync(IReadOnlyList<FileChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var pending = changes.Where(c => c.Kind != FileChangeKind.Unchanged).ToList();
        var temporaries = new List<string>();
        var created = new List<string>();
        var done = false;
        try
        {
            foreach (var change in pending)
            {
                for (var folder = Path.GetDirectoryName(change.FullPath); folder is not null && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
                {
                    created.Add(folder);
                }

                Directory.CreateDirectory(Path.GetDirectoryName(change.FullPath)!);
                var temporary = change.FullPath + TemporarySuffix;
                temporaries.Add(temporary);
                await File.WriteAllTextAsync(temporary, change.File.Content, cancellationToken).ConfigureAwait(false);
            }

            foreach (var change in pending)
            {
                File.Move(change.FullPath + TemporarySuffix, change.FullPath, overwrite: true);
            }

            done = true;
        }
        finally
        {
            foreach (var temporary in temporaries.Where(File.Exists))
            {
                File.Delete(temporary);
            }

            // Folders made for a write that failed go too (deepest first), so a failed import leaves nothing behind.
            foreach (var folder in created.Where(_ => !done).Distinct().OrderByDescending(f => f.Length))
            {
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                }
            }
        }
    }
}
