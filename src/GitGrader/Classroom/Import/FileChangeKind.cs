namespace GitGrader.Classroom.Import;

/// <summary>What writing a planned file does to the output folder.</summary>
internal enum FileChangeKind
{
    /// <summary>The file does not exist yet.</summary>
    New,

    /// <summary>The file exists with the same text: nothing to do.</summary>
    Unchanged,

    /// <summary>The file exists with other text: written only with <c>--force</c>.</summary>
    Changed,
}
