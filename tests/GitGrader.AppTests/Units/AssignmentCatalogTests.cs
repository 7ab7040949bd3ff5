using GitGrader.AppTests.Support;
using GitGrader.Classroom;
using GitGrader.Core.Assignments;

namespace GitGrader.AppTests.Units;

public sealed class AssignmentCatalogTests
{
    private static Assignment Named(string slug) => new() { Slug = slug, Name = slug, Image = "img", Directory = "/tmp/" + slug, Tests = [] };

    [Theory]
    [InlineData("cs101", "lab-1-ada", "lab-1", "ada")]
    [InlineData("CS101", "Lab-1-Ada", "lab-1", "Ada")]
    [InlineData("cs101", "lab-1-extra-ada", "lab-1-extra", "ada")]
    [InlineData("cs101", "lab-1-extra", "lab-1", "extra")]
    public void Maps_classroom_repository_names_to_the_longest_matching_slug(string owner, string name, string slug, string student)
    {
        var catalog = new AssignmentCatalog("cs101", [Named("lab-1"), Named("lab-1-extra")]);

        var mapped = catalog.Map(owner, name);

        Assert.NotNull(mapped);
        Assert.Equal((slug, student), (mapped.Assignment.Slug, mapped.Student));
    }

    [Theory]
    [InlineData("other-org", "lab-1-ada")]
    [InlineData("cs101", "lab-1")]
    [InlineData("cs101", "lab-1-")]
    [InlineData("cs101", "lab-2-ada")]
    [InlineData("cs101", "lab-1-bad--login")]
    [InlineData("cs101", "instructors")]
    public void Repositories_of_no_assignment_map_to_nothing(string owner, string name)
    {
        var catalog = new AssignmentCatalog("cs101", [Named("lab-1")]);

        Assert.Null(catalog.Map(owner, name));
    }

    [Fact]
    public async Task Loads_every_template_and_reports_a_broken_assignment_with_its_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gg-cat-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "broken"));
        await File.WriteAllTextAsync(Path.Combine(folder, "broken", "assignment.yml"), "name: Broken\nimage: x\ntests:\n  - name: t\n    kind: io\n    pionts: 3\n");
        try
        {
            var error = await Assert.ThrowsAsync<ConfigurationException>(() => AssignmentCatalog.LoadAsync("cs101", folder, CancellationToken.None));
            Assert.Contains("assignment.yml", error.Message, StringComparison.Ordinal);
            Assert.Contains("pionts", error.Message, StringComparison.Ordinal);

            var templates = await AssignmentCatalog.LoadAsync("cs101", RepositoryPaths.Templates, CancellationToken.None);
            Assert.Contains(templates.Assignments, a => a.Slug == "python-wordcount");
            Assert.True(templates.Assignments.Count >= 8);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("https://api.github.com/", "https://github.com/")]
    [InlineData("https://ghe.example.edu/api/v3/", "https://ghe.example.edu/")]
    [InlineData("http://127.0.0.1:5123/api/v3/", "http://127.0.0.1:5123/")]
    public void The_git_base_url_follows_the_api_url(string api, string git)
    {
        Assert.Equal(new Uri(git), Course.GitBaseUrlFor(new Uri(api)));
    }
}
