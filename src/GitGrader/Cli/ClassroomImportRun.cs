using GitGrader.Classroom;
using GitGrader.Classroom.Import;

namespace GitGrader.Cli;

/// <summary>One run of <c>gitgrader import-classroom</c>: read the export, plan, compare with the output folder, write (or not), and say what it did.</summary>
/// <param name="Export">The export's folder (or one of its <c>classroom-&lt;id&gt;</c> folders).</param>
/// <param name="Output">The folder to write the assignment folders and roster under.</param>
/// <param name="Classroom">The classroom's name or id, when the export has several.</param>
/// <param name="DryRun">Say what would be written; write nothing.</param>
/// <param name="Force">Overwrite files whose text would change.</param>
/// <param name="TimeZone">The IANA time zone to write deadlines in (null: UTC, as Classroom kept them).</param>
internal sealed record ClassroomImportRun(string Export, string Output, string? Classroom, bool DryRun, bool Force, string? TimeZone = null)
{
    /// <summary>Runs the import, writing the summary to <paramref name="stdout"/> and problems to <paramref name="stderr"/>; the exit code.</summary>
    public async Task<int> RunAsync(TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ImportPlan plan;
        IReadOnlyList<FileChange> changes;
        try
        {
            TimeZoneInfo? zone = null;
            if (TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone.Trim(), out zone))
            {
                throw new ClassroomExportException($"--time-zone: unknown time zone '{TimeZone}'; use an IANA id such as America/New_York or Europe/Paris.");
            }

            var warnings = new List<string>();
            var classroom = await ClassroomExportReader.ReadAsync(Export, Classroom, warnings, cancellationToken);
            plan = ClassroomImportPlanner.Plan(classroom, warnings, zone);
            changes = await ImportFileWriter.CompareAsync(plan.Files, Output, cancellationToken);
        }
        catch (Exception ex) when (ex is ClassroomExportException or ConfigurationException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            await stderr.WriteLineAsync("Nothing was written.");
            return ExitCodes.BadInput;
        }

        var output = Path.GetFullPath(Output);
        await WriteSummaryAsync(plan, changes, output, stdout);
        var changed = changes.Where(c => c.Kind == FileChangeKind.Changed).ToList();
        if (DryRun)
        {
            await stdout.WriteLineAsync("Dry run: nothing was written.");
            return ExitCodes.Success;
        }

        if (changed.Count > 0 && !Force)
        {
            await stderr.WriteLineAsync($"error: {changed.Count} existing file(s) would change; nothing was written. Rerun with --force to overwrite them:");
            foreach (var change in changed)
            {
                await stderr.WriteLineAsync($"  {change.FullPath}");
            }

            return ExitCodes.BadInput;
        }

        try
        {
            await ImportFileWriter.WriteAsync(changes, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: cannot write under {output}: {ex.Message}. No file was replaced; run the import again.");
            return ExitCodes.BadInput;
        }

        await stdout.WriteLineAsync($"Wrote {changes.Count(c => c.Kind != FileChangeKind.Unchanged)} file(s) under {output}.");
        return ExitCodes.Success;
    }

    private static async Task WriteSummaryAsync(ImportPlan plan, IReadOnlyList<FileChange> changes, string output, TextWriter stdout)
    {
        await stdout.WriteLineAsync($"Classroom '{plan.ClassroomName}' (organisation {plan.Organization ?? "unknown"}) -> {output}");
        foreach (var assignment in plan.Assignments)
        {
            await stdout.WriteLineAsync($"  {assignment.Folder}: '{assignment.Title}', {assignment.Adopted.Count} repositories adopted, Classroom points of {assignment.Students} students kept");
        }

        await stdout.WriteLineAsync($"Assignments: {plan.Assignments.Count}. Students on the roster: {plan.RosterStudents}. Repositories adopted: {plan.Assignments.Sum(a => a.Adopted.Count)} (graded from their next push).");
        await stdout.WriteLineAsync($"Files: {Count(changes, FileChangeKind.New)} new, {Count(changes, FileChangeKind.Unchanged)} unchanged, {Count(changes, FileChangeKind.Changed)} would change.");
        foreach (var change in changes.Where(c => c.Kind != FileChangeKind.Unchanged))
        {
            await stdout.WriteLineAsync($"  {(change.Kind == FileChangeKind.New ? "new" : "changed")}: {change.File.RelativePath}");
        }

        if (plan.Skipped.Count > 0)
        {
            await stdout.WriteLineAsync($"Repositories that will not be graded as exported ({plan.Skipped.Count}):");
            foreach (var skipped in plan.Skipped)
            {
                await stdout.WriteLineAsync($"  {skipped}");
            }
        }

        if (plan.Warnings.Count > 0)
        {
            await stdout.WriteLineAsync($"Warnings ({plan.Warnings.Count}):");
            foreach (var warning in plan.Warnings)
            {
                await stdout.WriteLineAsync($"  {warning}");
            }
        }

        await stdout.WriteLineAsync("Next: copy each assignment's tests into its folder (the TODO in its assignment.yml says how), check it with");
        await stdout.WriteLineAsync($"  gitgrader validate {Path.Combine(output, "<assignment>")}");
        await stdout.WriteLineAsync("then serve with this configuration:");
        await stdout.WriteLineAsync($"  Classroom:Organization = {plan.Organization ?? "<the organisation of the student repositories>"}");
        await stdout.WriteLineAsync($"  Classroom:AssignmentsFolder = {output}");
        await stdout.WriteLineAsync("  Classroom:InstructorRepository = <owner/name of the repository for the summary issues>");
        if (plan.RosterStudents > 0)
        {
            await stdout.WriteLineAsync($"  Classroom:RosterCsv = {Path.Combine(output, ClassroomImportPlanner.RosterFile)}");
        }

        await stdout.WriteLineAsync($"and the App installed on {plan.Organization ?? "the organisation"} with access to the student repositories.");
        await stdout.WriteLineAsync("Nothing was read from or changed on GitHub.");
    }

    private static int Count(IReadOnlyList<FileChange> changes, FileChangeKind kind) => changes.Count(c => c.Kind == kind);
}
