namespace GitGrader.Classroom.Import;

/// <summary>One accepted assignment (<c>accepted-assignments.json</c> items): a student's (or group's) repository; other fields are ignored.</summary>
internal sealed class ExportAcceptedAssignment
{
    /// <summary>The students of the repository: one for an individual assignment.</summary>
    public IReadOnlyList<ExportStudent> Students { get; init; } = [];

    /// <summary>The student's repository.</summary>
    public ExportRepository? Repository { get; init; }

    /// <summary>Classroom's most recent grade, <c>"7/10"</c>, or empty.</summary>
    public string? Grade { get; init; }
}
