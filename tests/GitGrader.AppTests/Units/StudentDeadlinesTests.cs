using GitGrader.Classroom;
using GitGrader.Core.Assignments;

namespace GitGrader.AppTests.Units;

public sealed class StudentDeadlinesTests : IDisposable
{
    private static readonly DateTimeOffset Deadline = new(2026, 12, 15, 23, 59, 0, TimeSpan.FromHours(-5));

    private readonly string _root = Directory.CreateTempSubdirectory("gitgrader-extensions-").FullName;

    private readonly Roster _roster = new(
    [
        new RosterEntry("Alice A", "alice", null, "Alice"),
        new RosterEntry("Bob B", "bob", null, "Bob"),
    ]);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Assignment Lab(string slug, DateTimeOffset? deadline = null, TimeZoneInfo? zone = null)
    {
        var directory = Path.Combine(_root, slug);
        Directory.CreateDirectory(directory);
        return new Assignment { Slug = slug, Name = slug, Image = "img", Directory = directory, Tests = [], Deadline = deadline, TimeZone = zone };
    }

    private async Task<(StudentDeadlines Deadlines, List<string> Problems)> LoadAsync(AssignmentCatalog catalog, params ExtensionOptions[] configured)
    {
        var problems = new List<string>();
        var deadlines = await StudentDeadlines.LoadAsync(catalog, _roster, configured, problems, CancellationToken.None);
        return (deadlines, problems);
    }

    private static void WriteCsv(Assignment assignment, string text) =>
        File.WriteAllText(Path.Combine(assignment.Directory, "extensions.csv"), text);

    [Fact]
    public async Task LoadAsync_CsvAndConfiguration_GiveEachStudentTheirDeadline()
    {
        var lab = Lab("lab-1", Deadline, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        var free = Lab("free");
        WriteCsv(lab, "github_username,until,reason\r\nAlice,2026-12-18 23:59,\"ill, with a note\"\r\n");
        var (deadlines, problems) = await LoadAsync(
            new AssignmentCatalog("cs101", [lab, free]),
            new ExtensionOptions { Assignment = "lab-1", Student = "bob", Until = "2026-12-17T12:00:00Z" });

        Assert.Empty(problems);
        Assert.Empty(deadlines.Warnings);
        Assert.Equal(new DateTimeOffset(2026, 12, 18, 23, 59, 0, TimeSpan.FromHours(-5)), deadlines.DeadlineFor(lab, "ALICE"));
        Assert.Equal(new DateTimeOffset(2026, 12, 17, 12, 0, 0, TimeSpan.Zero), deadlines.DeadlineFor(lab, "bob"));
        Assert.Equal(Deadline, deadlines.DeadlineFor(lab, "carol"));
        Assert.Null(deadlines.DeadlineFor(free, "alice"));
        Assert.Equal(["Alice", "bob"], deadlines.ExtensionsOf(lab).Select(e => e.Login));
        Assert.Empty(deadlines.ExtensionsOf(free));
    }

    [Fact]
    public void None_IsTheAssignmentsDeadline()
    {
        var lab = Lab("lab-1", Deadline);

        Assert.Equal(Deadline, StudentDeadlines.None.DeadlineFor(lab, "alice"));
        Assert.Empty(StudentDeadlines.None.ExtensionsOf(lab));
    }

    [Theory]
    [InlineData("github_username,until\nalice,tomorrow\n", ":2: until: expected a date and time such as")]
    [InlineData("github_username,until\nalice,2026-12-18 23:59\n", ":2: until: '2026-12-18 23:59' has no UTC offset and the assignment has no 'timezone'")]
    [InlineData("github_username,until\nnot a login,2026-12-18T23:59:00Z\n", ":2: github_username 'not a login' is not a GitHub login")]
    [InlineData("github_username,until\n\nalice,\n", ":3: until is empty")]
    [InlineData("github_username,until\nalice,2026-12-18T23:59:00Z,extra\n", ":2: 3 fields, but the header has 2")]
    [InlineData("github_username,until\nalice,2026-12-14T23:59:00Z\n", ":2: until 2026-12-14 23:59 +00:00 is not after the assignment's deadline (2026-12-15 23:59 -05:00)")]
    [InlineData("login,until\nalice,2026-12-18T23:59:00Z\n", ":1: expected a header row 'github_username,until' (found 'login,until')")]
    [InlineData("github_username,until\nalice,\"2026-12-18\n", ":2: a quoted field is never closed")]
    [InlineData("", ": the file is empty")]
    public async Task LoadAsync_BadCsvRow_NamesFileAndLine(string csv, string problem)
    {
        var lab = Lab("lab-1", Deadline);
        WriteCsv(lab, csv);

        var (_, problems) = await LoadAsync(new AssignmentCatalog("cs101", [lab]));

        var message = Assert.Single(problems);
        Assert.Contains(Path.Combine(lab.Directory, "extensions.csv") + problem, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_TwoExtensionsForOneStudent_NamesBothLines()
    {
        var lab = Lab("lab-1", Deadline);
        WriteCsv(lab, "github_username,until\nalice,2026-12-18T23:59:00Z\nALICE,2026-12-19T23:59:00Z\n");

        var (_, problems) = await LoadAsync(new AssignmentCatalog("cs101", [lab]), new ExtensionOptions { Assignment = "lab-1", Student = "alice", Until = "2026-12-20T00:00:00Z" });

        var csv = Path.Combine(lab.Directory, "extensions.csv");
        Assert.Equal(2, problems.Count);
        Assert.Contains($"{csv}:3: a second extension for 'ALICE' on 'lab-1' (the first is at {csv}:2)", problems[0], StringComparison.Ordinal);
        Assert.Contains($"Classroom:Extensions:0: a second extension for 'alice' on 'lab-1' (the first is at {csv}:2)", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_ExtensionOfAnAssignmentWithoutDeadline_IsAnError()
    {
        var free = Lab("free");
        WriteCsv(free, "github_username,until\nalice,2026-12-18T23:59:00Z\n");

        var (_, problems) = await LoadAsync(new AssignmentCatalog("cs101", [free]), new ExtensionOptions { Assignment = "free", Student = "bob", Until = "2026-12-18T23:59:00Z" });

        Assert.Equal(2, problems.Count);
        Assert.Contains("extensions.csv:2: assignment 'free' has no 'deadline', so an extension has nothing to extend.", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Classroom:Extensions:0: assignment 'free' has no 'deadline'", problems[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lab-2", "bob", "2026-12-18T23:59:00Z", "Classroom:Extensions:0:Assignment: no assignment 'lab-2' in Classroom:AssignmentsFolder (known: lab-1)")]
    [InlineData("lab-1", "", "2026-12-18T23:59:00Z", "Classroom:Extensions:0: Student '' is not a GitHub login")]
    [InlineData("lab-1", "bob", "", "Classroom:Extensions:0: Until is empty")]
    [InlineData("lab-1", "bob", "2026-13-18T23:59:00Z", "Classroom:Extensions:0: Until: expected a date and time such as")]
    public async Task LoadAsync_BadConfiguredExtension_NamesTheKey(string assignment, string student, string until, string problem)
    {
        var lab = Lab("lab-1", Deadline);

        var (_, problems) = await LoadAsync(new AssignmentCatalog("cs101", [lab]), new ExtensionOptions { Assignment = assignment, Student = student, Until = until });

        Assert.StartsWith(problem, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_LoginNotOnTheRoster_IsAWarningAndStillApplies()
    {
        var lab = Lab("lab-1", Deadline);
        WriteCsv(lab, "github_username,until\nzed,2026-12-18T23:59:00Z\n");

        var (deadlines, problems) = await LoadAsync(new AssignmentCatalog("cs101", [lab]));

        Assert.Empty(problems);
        Assert.Contains("extensions.csv:2: 'zed' is not on the roster", Assert.Single(deadlines.Warnings), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 12, 18, 23, 59, 0, TimeSpan.Zero), deadlines.DeadlineFor(lab, "zed"));
    }
}
