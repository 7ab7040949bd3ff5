using System.Text;
using GitGrader.Classroom;
using GitGrader.Storage;

namespace GitGrader.Reporting;

/// <summary>The grade book as CSV, from the store <c>serve</c> writes: one row per assignment and student (see <see cref="GradeExportWriter"/>).</summary>
public sealed class GradeBookExporter
{
    private readonly Course _course;
    private readonly IResultStore _store;
    private readonly LinkedRoster _roster;

    /// <summary>Creates the exporter.</summary>
    public GradeBookExporter(Course course, IResultStore store, LinkedRoster roster)
    {
        _roster = roster;
        _course = course;
        _store = store;
    }

    /// <summary>Every assignment's rows, or only <paramref name="slug"/>'s.</summary>
    /// <exception cref="ConfigurationException">No assignment has that slug (the message lists those there are).</exception>
    public async Task<string> ExportAsync(string? slug, CancellationToken cancellationToken)
    {
        var assignments = slug is null
            ? _course.Catalog.Assignments
            : [_course.Catalog.Find(slug) ?? throw new ConfigurationException($"--assignment: no assignment '{slug}'; there are {string.Join(", ", _course.Catalog.Assignments.Select(a => a.Slug))}.")];

        var roster = await _roster.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var csv = new StringBuilder(GradeExportWriter.Header).Append("\r\n");
        foreach (var assignment in assignments)
        {
            var scores = await _store.GetStudentScoresAsync(assignment.Slug, cancellationToken).ConfigureAwait(false);
            GradeExportWriter.AppendRows(csv, assignment, roster, scores, _course.Deadlines);
        }

        return csv.ToString();
    }
}
