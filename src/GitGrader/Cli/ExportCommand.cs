using System.CommandLine;
using System.Text;
using GitGrader.Classroom;
using GitGrader.GitHub;
using GitGrader.Hosting;
using GitGrader.Reporting;
using GitGrader.Storage;
using Microsoft.Extensions.Configuration;

namespace GitGrader.Cli;

/// <summary><c>gitgrader export</c>: the grade book as CSV, from the store <c>serve</c> writes.</summary>
internal static class ExportCommand
{
    private static readonly Option<string?> AssignmentOption = new("--assignment")
    {
        Description = "Only this assignment (slug). Default: every assignment in Classroom:AssignmentsFolder.",
    };

    private static readonly Option<FileInfo?> OutputOption = new("--output", "-o")
    {
        Description = "Write the CSV to this file instead of stdout.",
    };

    public static Command Create()
    {
        var command = new Command("export", """
            Print the grade book as CSV: one row per assignment and student (roster students without a submission
            included) with best and latest score, max, latest commit, when it was received (UTC), late, attempts.
            Reads the same configuration and database as serve.
            """)
        {
            AssignmentOption, OutputOption, HostOptions.Config, HostOptions.Database,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        try
        {
            var configuration = new ConfigurationBuilder();
            GitGraderConfiguration.AddSources(configuration, HostOptions.Settings(parse));
            var config = configuration.Build();
            var course = await Course.LoadAsync(
                config.GetSection(ClassroomOptions.ConfigurationKey).Get<ClassroomOptions>() ?? new ClassroomOptions(),
                config.GetSection(GitHubAppOptions.ConfigurationKey).Get<GitHubAppOptions>() ?? new GitHubAppOptions(),
                cancellationToken);
            var slug = parse.GetValue(AssignmentOption);
            var assignments = slug is null
                ? course.Catalog.Assignments
                : [course.Catalog.Find(slug) ?? throw new ConfigurationException($"--assignment: no assignment '{slug}'; there are {string.Join(", ", course.Catalog.Assignments.Select(a => a.Slug))}.")];

            var database = config.GetSection(StorageOptions.ConfigurationKey).Get<StorageOptions>()?.Database ?? new StorageOptions().Database;
            var store = GradingStoreFactory.Create(database, TimeProvider.System);
            try
            {
                await store.MigrateAsync(cancellationToken);
                var csv = new StringBuilder(GradeExportWriter.Header).Append("\r\n");
                foreach (var assignment in assignments)
                {
                    GradeExportWriter.AppendRows(csv, assignment, course.Roster, await store.GetStudentScoresAsync(assignment.Slug, cancellationToken));
                }

                if (parse.GetValue(OutputOption) is { } output)
                {
                    await File.WriteAllTextAsync(output.FullName, csv.ToString(), cancellationToken);
                    await Console.Error.WriteLineAsync($"wrote {output.FullName}");
                }
                else
                {
                    await Console.Out.WriteAsync(csv.ToString());
                }
            }
            finally
            {
                (store as IDisposable)?.Dispose();
            }

            return ExitCodes.Success;
        }
        catch (Exception ex) when (HostOptions.IsConfigurationError(ex) || ex is GradingStoreException)
        {
            await Console.Error.WriteLineAsync($"error: {HostOptions.Describe(ex)}");
            return ExitCodes.BadInput;
        }
    }
}
