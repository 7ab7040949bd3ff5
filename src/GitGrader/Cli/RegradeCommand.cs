using System.CommandLine;
using GitGrader.Classroom;
using GitGrader.Hosting;
using GitGrader.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GitGrader.Cli;

/// <summary>
/// <c>gitgrader regrade SLUG</c>: after an instructor fixes a test, every submission (or a student's, or each student's latest)
/// is graded again by the running <c>serve</c>/<c>worker</c> processes, in the regrade lane, after live pushes.
/// </summary>
internal static class RegradeCommand
{
    private static readonly Argument<string> SlugArgument = new("SLUG")
    {
        Description = "The assignment to regrade (its slug, as in the assignments folder).",
    };

    private static readonly Option<string?> StudentOption = new("--student")
    {
        Description = "Only this student's submissions (GitHub login).",
    };

    private static readonly Option<bool> LatestOnlyOption = new("--latest-only")
    {
        Description = "Only each student's latest submission.",
    };

    public static Command Create()
    {
        var command = new Command("regrade", """
            Grade an assignment's submissions again, after its tests were fixed: queues a regrade of each submission in
            the store serve and worker share; they grade them after every live push (a push during a regrade of a
            thousand is still graded first), update each commit's check run in place and the summary issue once. Safe
            to run twice: a submission already waiting is not queued again. Reads the same configuration and database as serve.
            """)
        {
            SlugArgument, StudentOption, LatestOnlyOption, HostOptions.Config, HostOptions.Database,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var slug = parse.GetValue(SlugArgument)!;
        var only = parse.GetValue(StudentOption);
        var latestOnly = parse.GetValue(LatestOnlyOption);
        try
        {
            using var host = await GitGraderHost.BuildExportAsync(HostOptions.Settings(parse), cancellationToken);
            var course = host.Services.GetRequiredService<Course>();
            if (course.Catalog.Find(slug) is null)
            {
                await Console.Error.WriteLineAsync($"error: there is no assignment '{slug}' in the assignments folder; known: {string.Join(", ", course.Catalog.Assignments.Select(a => a.Slug))}.");
                return ExitCodes.BadInput;
            }

            var store = host.Services.GetRequiredService<IGradingStore>();
            var students = only is { } login
                ? [login]
                : (await store.GetStudentScoresAsync(slug, cancellationToken)).Select(s => s.Student).ToList();
            var (queued, waiting) = await QueueAsync(store, slug, students, latestOnly, cancellationToken);
            await Console.Error.WriteLineAsync(
                $"{slug}: queued {queued} regrade(s) for {students.Count} student(s){(waiting > 0 ? $"; {waiting} submission(s) were waiting already" : string.Empty)}. " +
                "serve and worker grade them after live pushes and update each check run in place.");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (HostOptions.IsConfigurationError(ex) || ex is GradingStoreException)
        {
            await Console.Error.WriteLineAsync($"error: {HostOptions.Describe(ex)}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>One student at a time, with a progress bar on a terminal (a line per tenth otherwise).</summary>
    private static async Task<(int Queued, int Waiting)> QueueAsync(IGradingStore store, string slug, IReadOnlyList<string> students, bool latestOnly, CancellationToken cancellationToken)
    {
        var (queued, waiting) = (0, 0);
        async Task OneAsync(string student)
        {
            var outcome = await store.QueueRegradesAsync(slug, student, latestOnly, cancellationToken);
            queued += outcome.Queued;
            waiting += outcome.AlreadyWaiting;
        }

        if (Console.IsErrorRedirected)
        {
            for (var i = 0; i < students.Count; i++)
            {
                await OneAsync(students[i]);
                if ((i + 1) * 10 / students.Count != i * 10 / students.Count || i + 1 == students.Count)
                {
                    await Console.Error.WriteLineAsync($"queued {i + 1}/{students.Count} students");
                }
            }

            return (queued, waiting);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask($"Queuing regrades of {Markup.Escape(slug)}", maxValue: Math.Max(1, students.Count));
            foreach (var student in students)
            {
                await OneAsync(student);
                task.Increment(1);
            }
        });
        return (queued, waiting);
    }
}
