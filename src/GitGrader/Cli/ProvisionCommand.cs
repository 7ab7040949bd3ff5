using System.CommandLine;
using GitGrader.Classroom;
using GitGrader.Core.Reports;
using GitGrader.Hosting;
using GitGrader.Provisioning;
using GitGrader.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GitGrader.Cli;

/// <summary>
/// <c>gitgrader provision SLUG</c>: every roster student with a linked GitHub account gets their repository, as Classroom's
/// invitation did, one student after another (GitHub asks for content creation to be serial), with a progress bar and one
/// line per student saying what was done or why it failed. Idempotent: a rerun does only what is missing.
/// </summary>
internal static class ProvisionCommand
{
    private static readonly Argument<string> SlugArgument = new("SLUG")
    {
        Description = "The assignment whose repositories to make (its slug, as in the assignments folder).",
    };

    private static readonly Option<string?> StudentOption = new("--student")
    {
        Description = "Only this student (GitHub login), on the roster or not.",
    };

    public static Command Create()
    {
        var command = new Command("provision", """
            Make every roster student's repository of an assignment, as GitHub Classroom's invitation link did:
            <org>/<slug>-<login>, private, from the assignment's template: repository (or its starter/ folder), a
            protected feedback branch at the starter commit with the Feedback pull request into it, and the student
            invited as a collaborator with push access. Students on Classroom:RosterCsv without a github_username are
            skipped (they can accept the invitation link instead). Safe to run again: what is done is not done twice (no
            second repository, no second pull request), and a run that failed part-way is finished. GitHub's secondary
            rate limits on creating content are waited out. A repository of that name that GitGrader did not make for the
            student is never handed out: that student fails with "exists already".
            One line per student on stdout; progress on stderr. Exit code 0 when every student is done, 4 when any failed
            (run it again: it finishes what is missing), 2 for bad input. Reads the same configuration and database as serve;
            the App needs the permissions in README ("Register the App").
            """)
        {
            SlugArgument, StudentOption, HostOptions.Config, HostOptions.Database, CommonOptions.Verbose,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var slug = parse.GetValue(SlugArgument)!;
        var only = parse.GetValue(StudentOption);
        try
        {
            using var host = await GitGraderHost.BuildProvisioningAsync(HostOptions.Settings(parse), cancellationToken);
            var course = host.Services.GetRequiredService<Course>();
            if (course.Catalog.Find(slug) is not { } assignment)
            {
                await Console.Error.WriteLineAsync($"error: there is no assignment '{TerminalText.Escape(slug)}' in the assignments folder; known: {string.Join(", ", course.Catalog.Assignments.Select(a => a.Slug))}.");
                return ExitCodes.BadInput;
            }

            // The roster with the accounts students linked themselves through an invitation link.
            var roster = await host.Services.GetRequiredService<LinkedRoster>().CurrentAsync(cancellationToken);
            IReadOnlyList<string> students = only is { } login
                ? [login]
                : [.. roster.Entries.Where(e => e.GitHubUsername.Length > 0).Select(e => e.GitHubUsername).Distinct(StringComparer.OrdinalIgnoreCase)];
            var unlinked = only is null ? roster.Entries.Count(e => e.GitHubUsername.Length == 0) : 0;
            if (students.Count == 0)
            {
                await Console.Error.WriteLineAsync($"{slug}: no roster student has a linked GitHub account (Classroom:RosterCsv's github_username, or claimed through the invitation link); nothing to do.");
                return ExitCodes.Success;
            }

            var provisioner = host.Services.GetRequiredService<IRepositoryProvisioner>();
            var outcomes = await ProvisionAllAsync(provisioner, assignment, students, cancellationToken);
            var failed = outcomes.Count(o => o.Error is not null);
            var created = outcomes.Count(o => o.Repository?.Created == true);
            await Console.Error.WriteLineAsync(
                $"{slug}: {students.Count - failed} of {students.Count} student(s) ready ({created} repositories created now){(failed > 0 ? $"; {failed} failed: run it again to finish" : string.Empty)}"
                + (unlinked > 0 ? $"; {unlinked} roster student(s) without a GitHub account skipped." : "."));
            return failed > 0 ? ExitCodes.Incomplete : ExitCodes.Success;
        }
        catch (Exception ex) when (HostOptions.IsConfigurationError(ex) || ex is GradingStoreException)
        {
            await Console.Error.WriteLineAsync($"error: {HostOptions.Describe(ex)}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>One student at a time, with a progress bar on a terminal (a line per tenth otherwise); each student's line on stdout as it ends.</summary>
    private static async Task<IReadOnlyList<StudentOutcome>> ProvisionAllAsync(IRepositoryProvisioner provisioner, Core.Assignments.Assignment assignment, IReadOnlyList<string> students, CancellationToken cancellationToken)
    {
        var outcomes = new List<StudentOutcome>(students.Count);
        var live = !Console.IsErrorRedirected;
        var held = new List<string>();

        // Beside a live progress bar on the same terminal, the lines wait until it is done.
        async Task WriteAsync(string line)
        {
            if (live && !Console.IsOutputRedirected)
            {
                held.Add(line);
                return;
            }

            await Console.Out.WriteLineAsync(line);
        }

        async Task OneAsync(string student)
        {
            var steps = new List<string>();
            try
            {
                var repository = await provisioner.ProvisionAsync(assignment, student, new ConsoleProgress(steps.Add), cancellationToken);
                outcomes.Add(new StudentOutcome(student, repository, null));
                var done = steps.Count == 0 ? "nothing to do" : string.Join("; ", steps);
                await WriteAsync($"{StudentText.Visible(student)}: ok {repository.HtmlUrl.AbsoluteUri} ({(repository.Created ? "created now" : "existed")}): {done}");
            }
            catch (ProvisioningException ex)
            {
                outcomes.Add(new StudentOutcome(student, null, ex));
                var after = steps.Count == 0 ? string.Empty : $" (after: {string.Join("; ", steps)})";
                await WriteAsync($"{StudentText.Visible(student)}: FAILED{(ex.IsPermanent ? string.Empty : ", will finish when run again")}: {StudentText.Visible(ex.Message)}{after}");
            }
        }

        if (!live)
        {
            for (var i = 0; i < students.Count; i++)
            {
                await OneAsync(students[i]);
                if ((i + 1) * 10 / students.Count != i * 10 / students.Count || i + 1 == students.Count)
                {
                    await Console.Error.WriteLineAsync($"provisioned {i + 1}/{students.Count} students");
                }
            }

            return outcomes;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask($"Provisioning {Markup.Escape(assignment.Slug)}", maxValue: students.Count);
            foreach (var student in students)
            {
                await OneAsync(student);
                task.Increment(1);
            }
        });
        foreach (var line in held)
        {
            await Console.Out.WriteLineAsync(line);
        }

        return outcomes;
    }

    private sealed record StudentOutcome(string Student, ProvisionedRepository? Repository, ProvisioningException? Error);
}
