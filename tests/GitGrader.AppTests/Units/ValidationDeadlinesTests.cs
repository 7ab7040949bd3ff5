using GitGrader.Classroom;
using GitGrader.Cli;
using GitGrader.Core.Assignments;

namespace GitGrader.AppTests.Units;

public sealed class ValidationDeadlinesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gitgrader-validate-").FullName;

    private readonly Assignment _lab;

    public ValidationDeadlinesTests()
    {
        var folder = Path.Combine(_root, "lab-1");
        Directory.CreateDirectory(folder);
        _lab = new Assignment
        {
            Slug = "lab-1", Name = "Lab 1", Image = "img", Directory = folder, Tests = [],
            Deadline = new DateTimeOffset(2026, 12, 15, 23, 59, 0, TimeSpan.FromHours(1)), TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"),
            Late = new LatePolicy { Grace = TimeSpan.FromMinutes(15), PenaltyPerDay = 10, MaxPenalty = 50 },
        };
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private FileInfo Config()
    {
        File.WriteAllText(Path.Combine(_root, "roster.csv"), "identifier,github_username\na,alice\n");
        var config = Path.Combine(_root, "gitgrader.json");
        File.WriteAllText(config, $$"""
            { "Classroom": { "RosterCsv": "{{Path.Combine(_root, "roster.csv")}}", "Extensions": [
                { "Assignment": "lab-2", "Student": "carol", "Until": "whenever" },
                { "Assignment": "lab-1", "Student": "bob", "Until": "2026-12-17 12:00" } ] } }
            """);
        return new FileInfo(config);
    }

    [Fact]
    public async Task LoadAsync_WithConfig_ChecksTheFolderAndThisAssignmentsConfiguredExtensionsAgainstTheRoster()
    {
        File.WriteAllText(Path.Combine(_lab.Directory, "extensions.csv"), "github_username,until\nalice,2026-12-18 23:59\nzed,2026-12-18 23:59\n");

        var deadlines = await ValidationDeadlines.LoadAsync(_lab, Config(), CancellationToken.None);
        var lines = ValidationDeadlines.Describe(_lab, deadlines, rosterChecked: true);

        Assert.Equal(["alice", "bob", "zed"], deadlines.ExtensionsOf(_lab).Select(e => e.Login));
        Assert.Equal(
        [
            (false, "deadline: 2026-12-15 23:59 +01:00 (Europe/Paris)"),
            (false, "grading: Late after the deadline + 15m grace: −10% of the points scored per started day, at most −50%. Counts: the best submission after its penalty."),
            (false, "extensions: 3 (alice until 2026-12-18 23:59 +01:00, bob until 2026-12-17 12:00 +01:00, zed until 2026-12-18 23:59 +01:00)"),
            (true, $"{Path.Combine(_lab.Directory, "extensions.csv")}:3: 'zed' is not on the roster (Classroom:RosterCsv); the extension applies if they submit."),
            (true, "Classroom:Extensions:1: 'bob' is not on the roster (Classroom:RosterCsv); the extension applies if they submit."),
        ],
        lines);
    }

    [Fact]
    public async Task LoadAsync_WithoutConfig_ReadsTheFolderOnlyAndSaysHowToCheckTheRoster()
    {
        File.WriteAllText(Path.Combine(_lab.Directory, "extensions.csv"), "github_username,until\nzed,2026-12-18 23:59\n");

        var deadlines = await ValidationDeadlines.LoadAsync(_lab, null, CancellationToken.None);
        var lines = ValidationDeadlines.Describe(_lab, deadlines, rosterChecked: false);

        Assert.Empty(deadlines.Warnings);
        Assert.Contains(lines, l => !l.Warning && l.Text.StartsWith("extensions: 1 (zed until", StringComparison.Ordinal) && l.Text.EndsWith("give --config to check the logins against the course's roster and Classroom:Extensions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_BadRow_IsAConfigurationErrorNamingFileAndLine()
    {
        File.WriteAllText(Path.Combine(_lab.Directory, "extensions.csv"), "github_username,until\nalice,2026-12-10 23:59\n");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => ValidationDeadlines.LoadAsync(_lab, null, CancellationToken.None));

        Assert.StartsWith($"{Path.Combine(_lab.Directory, "extensions.csv")}:2: until 2026-12-10 23:59 +01:00 is not after the assignment's deadline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NoDeadline_StatesOnlyWhatCounts()
    {
        var free = _lab with { Deadline = null, Late = LatePolicy.None, Counts = SubmissionCounting.Latest };

        Assert.Equal([(false, "grading: Counts: the latest graded submission.")], ValidationDeadlines.Describe(free, StudentDeadlines.None, rosterChecked: false));
    }
}
