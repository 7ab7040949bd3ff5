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
            new StudentScore { Student = "ada", Repository = "o/lab-1-ada", BestScore = 7.5, LatestScore = 5, MaxScore = 10, LatestSha = "abc", LatestReceivedAt = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), Attempts = 4 },
        };

        var csv = new StringBuilder();
        GradeExportWriter.AppendRows(csv, assignment, roster, scores);
        var rows = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("lab-1,\"'=HYPERLINK(\"\"x\"\")\",ada,\"Lovelace, Ada\",o/lab-1-ada,7.5,5,10,abc,2026-11-02T08:00:00Z,true,4", rows[0]);
        Assert.Equal("lab-1,nolink@x,,,,,,0,,,false,0", rows[1]);
        Assert.Equal(2, rows.Length);
    }
}
