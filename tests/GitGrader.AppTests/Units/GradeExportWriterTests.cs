using System.Text;
using GitGrader.Classroom;
using GitGrader.Core.Assignments;
using GitGrader.Reporting;
using GitGrader.Storage;

namespace GitGrader.AppTests.Units;

public sealed class GradeExportWriterTests
{
    [Fact]
    public void Rows_cover_the_roster_quote_commas_and_defuse_spreadsheet_formulas()
    {
        var assignment = new Assignment { Slug = "lab-1", Name = "Lab", Image = "img", Directory = "/tmp/lab", Tests = [], Deadline = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) };
        var roster = new Roster([new RosterEntry("=HYPERLINK(\"x\")", "ada", null, "Lovelace, Ada"), new RosterEntry("nolink@x", string.Empty, null, null)]);
        var scores = new[]
        {
            new StudentScore { Student = "ada", Repository = "o/lab-1-ada", BestScore = 7.5, LatestScore = 5, MaxScore = 10, LatestSha = "abc", LatestReceivedAt = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), Attempts = 4,
                Submissions = [new SubmissionScore { Sha = "ab0", ReceivedAt = new DateTimeOffset(2026, 10, 31, 8, 0, 0, TimeSpan.Zero), Score = 7.5, MaxScore = 10 },
                               new SubmissionScore { Sha = "abc", ReceivedAt = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), Score = 5, MaxScore = 10 }] },
        };

        var csv = new StringBuilder();
        GradeExportWriter.AppendRows(csv, assignment, roster, scores);
        var rows = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("lab-1,\"'=HYPERLINK(\"\"x\"\")\",ada,\"Lovelace, Ada\",o/lab-1-ada,7.5,5,10,abc,2026-11-02T08:00:00Z,true,4,7.5,7.5,0,0,ab0,2026-11-01T00:00:00Z,false", rows[0]);
        Assert.Equal("lab-1,nolink@x,,,,,,0,,,false,0,,,,,,2026-11-01T00:00:00Z,false", rows[1]);
        Assert.Equal(2, rows.Length);
    }

    [Fact]
    public void Rows_record_the_penalised_score_beside_the_raw_one_and_the_deadline_used()
    {
        var deadline = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var assignment = new Assignment
        {
            Slug = "lab-1", Name = "Lab", Image = "img", Directory = "/tmp/lab", Tests = [], Deadline = deadline,
            Late = new LatePolicy { Grace = TimeSpan.FromMinutes(15), PenaltyPerDay = 10, MaxPenalty = 50 }, Counts = SubmissionCounting.LatestOnTime,
        };
        var pushed = deadline.AddHours(26);
        StudentScore Pushed(string login) => new()
        {
            Student = login, Repository = $"o/lab-1-{login}", BestScore = 9, LatestScore = 9, MaxScore = 10, LatestSha = "c2", LatestReceivedAt = pushed, Attempts = 2,
            Submissions = [new SubmissionScore { Sha = "c1", ReceivedAt = deadline.AddDays(-1), Score = 4, MaxScore = 10 }, new SubmissionScore { Sha = "c2", ReceivedAt = pushed, Score = 9, MaxScore = 10 }],
        };
        var problems = new List<string>();
        var deadlines = StudentDeadlines.Create(
            new AssignmentCatalog("o", [assignment]), Roster.Empty, [], [new ExtensionOptions { Assignment = "lab-1", Student = "ada", Until = "2026-11-03T00:00:00Z" }], problems);

        var csv = new StringBuilder();
        GradeExportWriter.AppendRows(csv, assignment, Roster.Empty, [Pushed("ada"), Pushed("bo")], deadlines);
        var rows = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Empty(problems);
        Assert.Equal("lab-1,,ada,,o/lab-1-ada,9,9,10,c2,2026-11-02T02:00:00Z,false,2,9,9,0,0,c2,2026-11-03T00:00:00Z,true", rows[0]);
        Assert.Equal("lab-1,,bo,,o/lab-1-bo,9,9,10,c2,2026-11-02T02:00:00Z,true,2,4,4,0,0,c1,2026-11-01T00:00:00Z,false", rows[1]);
    }

    [Fact]
    public void Rows_of_a_late_push_that_counts_give_penalty_and_days()
    {
        var deadline = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var assignment = new Assignment { Slug = "lab-1", Name = "Lab", Image = "img", Directory = "/tmp/lab", Tests = [], Deadline = deadline, Late = new LatePolicy { PenaltyPerDay = 25 } };
        var pushed = deadline.AddHours(50);
        var score = new StudentScore
        {
            Student = "cy", Repository = "o/lab-1-cy", BestScore = 8, LatestScore = 8, MaxScore = 10, LatestSha = "d1", LatestReceivedAt = pushed, Attempts = 1,
            Submissions = [new SubmissionScore { Sha = "d1", ReceivedAt = pushed, Score = 8, MaxScore = 10 }],
        };

        var csv = new StringBuilder();
        GradeExportWriter.AppendRows(csv, assignment, Roster.Empty, [score]);

        Assert.Equal("lab-1,,cy,,o/lab-1-cy,8,8,10,d1,2026-11-03T02:00:00Z,true,1,2,8,6,3,d1,2026-11-01T00:00:00Z,false\r\n", csv.ToString());
    }
}
