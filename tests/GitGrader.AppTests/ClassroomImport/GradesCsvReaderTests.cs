using GitGrader.Classroom.Import;

namespace GitGrader.AppTests.ClassroomImport;

public sealed class GradesCsvReaderTests
{
    private const string Header = "assignment_name,assignment_url,starter_code_url,github_username,roster_identifier,student_repository_name,student_repository_url,submission_timestamp,points_awarded,points_available";

    [Fact]
    public void Parse_ColumnsByNameInAnyOrderWithExtraOnes_ReadsEachRowAsUtc()
    {
        var warnings = new List<string>();

        var rows = GradesCsvReader.Parse("points_available,a_new_column,github_username,points_awarded,submission_timestamp,roster_identifier\n10,x,alice,7.5,2026-09-30 21:15,\"alice@uni.example\"\n", "g.csv", warnings);

        var row = Assert.Single(rows);
        Assert.Equal(("alice", "alice@uni.example", 7.5, 10.0), (row.GitHubUsername, row.RosterIdentifier, row.PointsAwarded!.Value, row.PointsAvailable!.Value));
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 21, 15, 0, TimeSpan.Zero), row.SubmittedAt);
        Assert.Equal(2, row.Line);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Parse_ARowWithAGroupWhenTheHeaderHasNone_TakesTheExtraFieldAsTheGroup()
    {
        // gh classroom writes group_name in the header only when the first row has a group.
        var rows = GradesCsvReader.Parse($"{Header}\nT,u,s,alice,a@x,r,ru,,,10\nT,u,s,bob,b@x,r,ru,2026-01-01 10:00,3,10,team-b\n", "g.csv", []);

        Assert.Equal(["", "team-b"], rows.Select(r => r.GroupName));
        Assert.Null(rows[0].PointsAwarded);
    }

    [Fact]
    public void Parse_PointsThatAreNotANumber_NamesTheFileLineAndColumn()
    {
        var error = Assert.Throws<ClassroomExportException>(() => GradesCsvReader.Parse($"{Header}\nT,u,s,alice,a@x,r,ru,,7,10\nT,u,s,bob,b@x,r,ru,,seven,10\n", "/x/grades.csv", []));

        Assert.Equal("/x/grades.csv:3: points_awarded 'seven' is not a number of points.", error.Message);
    }

    [Fact]
    public void Parse_ARowOfTheWrongWidth_NamesTheLine()
    {
        var error = Assert.Throws<ClassroomExportException>(() => GradesCsvReader.Parse($"{Header}\nT,u,s,alice\n", "g.csv", []));

        Assert.StartsWith("g.csv:2: 4 fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ALoginThatIsNotOne_NamesTheLine()
    {
        var error = Assert.Throws<ClassroomExportException>(() => GradesCsvReader.Parse($"{Header}\nT,u,s,<b>evil</b>,a@x,r,ru,,7,10\n", "g.csv", []));

        Assert.StartsWith("g.csv:2: github_username '<b>evil</b>' is not a GitHub login", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoPointsColumn_SaysWhichColumnIsMissing()
    {
        var error = Assert.Throws<ClassroomExportException>(() => GradesCsvReader.Parse("github_username,points_awarded\nalice,3\n", "g.csv", []));

        Assert.StartsWith("g.csv:1: no 'points_available' column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ATimestampThatIsNotOne_KeepsThePointsAndWarnsWithTheLine()
    {
        var warnings = new List<string>();

        var row = Assert.Single(GradesCsvReader.Parse($"{Header}\nT,u,s,alice,a@x,r,ru,MM-DD-YYYY,7,10\n", "g.csv", warnings));

        Assert.Null(row.SubmittedAt);
        Assert.Equal(7, row.PointsAwarded);
        Assert.StartsWith("g.csv:2: submission_timestamp 'MM-DD-YYYY'", Assert.Single(warnings), StringComparison.Ordinal);
    }
}
