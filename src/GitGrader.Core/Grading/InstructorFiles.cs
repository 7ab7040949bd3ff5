using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Grading;

/// <summary>
/// The instructor's files as the sandbox keeps them (<see cref="ISandboxSession.KeepInstructorFilesAsync"/>) and
/// names them to a step (<see cref="StepStage.InstructorFiles"/>), from a tree of <see cref="HiddenFilesReader"/>.
/// </summary>
public static class InstructorFiles
{
    private const string Prefix = "hidden/";

    /// <summary>The <c>hidden/</c> half of <paramref name="hidden"/>, relative to the hidden folder, root-owned.</summary>
    public static StagedTree Store(StagedTree hidden)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        var store = new StagedTree();
        foreach (var entry in Under(hidden))
        {
            var relative = entry.RelativePath[Prefix.Length..];
            if (entry.Kind == StagedEntryKind.Directory)
            {
                store.AddDirectory(relative, StagedOwner.Grader);
            }
            else
            {
                store.AddFile(relative, StagedOwner.Grader, entry.Content ?? ReadOnlyMemory<byte>.Empty, entry.Executable);
            }
        }

        return store;
    }

    /// <summary>The paths <paramref name="hidden"/> stages, relative to the hidden folder, parents first; a folder ends in <c>/</c>.</summary>
    public static IReadOnlyList<string> Paths(StagedTree hidden)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        return Under(hidden)
            .Select(e => e.Kind == StagedEntryKind.Directory ? e.RelativePath[Prefix.Length..] + "/" : e.RelativePath[Prefix.Length..])
            .ToList();
    }

    private static IEnumerable<StagedEntry> Under(StagedTree hidden) =>
        hidden.Entries.Where(e => e.RelativePath.StartsWith(Prefix, StringComparison.Ordinal) && e.RelativePath.Length > Prefix.Length);
}
