namespace GitGrader.Classroom.Import;

/// <summary>A student of an accepted assignment.</summary>
internal sealed class ExportStudent
{
    /// <summary>GitHub user id.</summary>
    public long Id { get; init; }

    /// <summary>GitHub login.</summary>
    public string? Login { get; init; }
}
