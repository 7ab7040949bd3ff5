using GitGrader.AppTests.Units;
using GitGrader.Classroom;
using GitGrader.Core.Assignments;
using GitGrader.Reporting;

namespace GitGrader.AppTests.ClassroomImport;

public sealed class ClassroomPointsTests
{
    private static readonly Assignment Lab = new() { Slug = "lab-1", Name = "Lab 1", Image = "img", Directory = "/tmp/lab-1", Tests = [] };

    [Fact]
    public void WriteThenParse_GivesThePointsBackInLoginOrder()
    {
        var points = new[]
        {
            new ClassroomPoints("zed", null, 10, null, string.Empty),
            new ClassroomPoints("Ada", 7.5, 10, new DateTimeOffset(2026, 9, 1, 12, 30, 0, TimeSpan.FromHours(2)), "cs/lab-1-Ada"),
        };

        var text = ClassroomPointsCsv.Write(points);
        var read = ClassroomPointsCsv.Parse(text, "p.csv");

        Assert.Equal("github_username,points,available,submitted_at,repository\nAda,7.5,10,2026-09-01T10:30:00Z,cs/lab-1-Ada\nzed,,10,,\n", text);
        Assert.Equal([points[1] with { SubmittedAt = new DateTimeOffset(2026, 9, 1, 10, 30, 0, TimeSpan.Zero) }, points[0]], read);
    }

    [Theory]
    [InlineData("github_username,points\nada,1\n", "p.csv:1: expected the header")]
    [InlineData("github_username,points,available,submitted_at,repository\nada,x,10,,\n", "p.csv:2: points 'x' is not a number of points.")]
    [InlineData("github_username,points,available,submitted_at,repository\nada,1,10,yesterday,\n", "p.csv:2: submitted_at 'yesterday' is not a date and time")]
    [InlineData("github_username,points,available,submitted_at,repository\nada,1,10,,\nADA,2,10,,\n", "p.csv:3: github_username 'ADA' is already on line 2.")]
    [InlineData("github_username,points,available,submitted_at,repository\n@ada,1,10,,\n", "p.csv:2: github_username '@ada' is not a GitHub login.")]
    public void Parse_BadInput_NamesTheFileAndLine(string text, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => ClassroomPointsCsv.Parse(text, "p.csv"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_AnAssignmentFolderWithAPointsFile_IsReadForThatAssignmentOnly()
    {
        var root = Path.Combine(Path.GetTempPath(), "gg-points-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var slug in new[] { "lab-1", "lab-2" })
            {
                Directory.CreateDirectory(Path.Combine(root, slug));
                File.WriteAllText(Path.Combine(root, slug, "assignment.yml"), $"name: {slug}\nimage: img\ntests:\n  - name: t\n    run: 'true'\n    points: 1\n");
            }

            File.WriteAllText(Path.Combine(root, "lab-1", ClassroomPointsCsv.FileName), "github_username,points,available,submitted_at,repository\nada,3,4,,\n");
            var catalog = await AssignmentCatalog.LoadAsync("cs", root, CancellationToken.None);

            var imported = await ImportedClassroomPoints.LoadAsync(catalog, CancellationToken.None);

            Assert.Equal(3, imported.For(catalog.Find("lab-1")!)["ADA"].Points);
            Assert.Empty(imported.For(catalog.Find("lab-2")!));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Render_WithoutImportedPoints_HasNoClassroomColumn()
    {
        var body = new RosterTableRenderer().Render(Lab, new Roster([new RosterEntry("a@x", "ada", null, "Ada")]), [], new Uri("https://github.com/"), DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain("Classroom points", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithImportedPoints_ListsTheirStudentsInALabelledLastColumn()
    {
        var imported = new Dictionary<string, ClassroomPoints>(StringComparer.OrdinalIgnoreCase)
        {
            ["bo"] = new("bo", 6, 8, null, "cs/lab-1-bo"),
            ["cy"] = new("cy", 2, null, null, string.Empty),
        };

        var body = new RosterTableRenderer().Render(Lab, new Roster([new RosterEntry("a@x", "ada", null, "Ada")]), [], new Uri("https://github.com/"), DateTimeOffset.UnixEpoch, classroomPoints: imported);

        Assert.Equal("—", MarkdownTable.Row(body, "ada")["Classroom points (imported)"]);
        Assert.Equal("6/8", MarkdownTable.Row(body, "bo")["Classroom points (imported)"]);
        Assert.Equal("2", MarkdownTable.Row(body, "cy")["Classroom points (imported)"]);
        Assert.Contains("*Classroom points (imported)*: what GitHub Classroom's autograding recorded", body, StringComparison.Ordinal);
    }
}
