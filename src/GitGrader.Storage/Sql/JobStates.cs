namespace GitGrader.Storage.Sql;

/// <summary>The text values of <c>jobs.status</c> and <c>jobs.kind</c>.</summary>
internal static class JobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";

    public const string GradeKind = "grade";
    public const string ReportKind = "report";

    public static string ToText(JobKind kind) => kind switch
    {
        JobKind.Grade => GradeKind,
        JobKind.Report => ReportKind,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown job kind."),
    };

    public static JobKind ToKind(string text) => text switch
    {
        GradeKind => JobKind.Grade,
        ReportKind => JobKind.Report,
        _ => throw new InvalidOperationException($"Unknown job kind '{text}' in the database."),
    };
}
