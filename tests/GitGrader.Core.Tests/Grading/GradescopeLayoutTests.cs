using System.Text;
using System.Text.Json;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading.Gradescope;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Tests.Grading;

public sealed class GradescopeLayoutTests : IDisposable
{
    private const string Image = "gitgrader/python:3.12";

    private readonly GradingScratchFolder _folder = new();

    public GradescopeLayoutTests()
    {
        var runScript = _folder.Write("Lab-3/autograder/run_autograder", "#!/usr/bin/env bash\ncd /autograder/source\npython3 run_tests.py\n");
        GradingScratchFolder.SetExecutable(runScript, true);
        _folder.Write("Lab-3/autograder/setup.sh", "#!/usr/bin/env bash\napt-get install -y python3-pip\n");
        _folder.Write("Lab-3/autograder/tests/test_x.py", "def test_x():\n    assert True\n");
    }

    private string AutograderPath(string relative) => _folder.PathOf(Path.Combine("Lab-3", "autograder", relative));

    private Assignment Assignment(string image = Image) => new()
    {
        Slug = "Lab-3",
        Name = "Lab 3: Strings",
        Image = image,
        Directory = _folder.PathOf("Lab-3"),
        Format = AssignmentFormat.Gradescope,
        Deadline = new DateTimeOffset(2025, 3, 14, 23, 59, 0, TimeSpan.FromHours(-4)),
        Tests = [],
    };

    private Task<ImageRecipe> RecipeAsync(string image = Image) => GradescopeLayout.RecipeAsync(Assignment(image), CancellationToken.None);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RecipeAsync_Dockerfile_StartsFromTheAssignmentImage()
    {
        var recipe = await RecipeAsync();

        Assert.StartsWith($"FROM {Image}\n", recipe.Dockerfile, StringComparison.Ordinal);
        Assert.Equal(Image, recipe.BaseImage);
    }

    [Fact]
    public async Task RecipeAsync_Dockerfile_CopiesSourceAndLinksGradescopePaths()
    {
        var recipe = await RecipeAsync();

        Assert.Contains("COPY source/ /autograder/source/", recipe.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("cp /autograder/source/run_autograder /autograder/run_autograder", recipe.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("ln -s /work/submission /autograder/submission", recipe.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("ln -s /work/results /autograder/results", recipe.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("ln -s /work/submission_metadata.json /autograder/submission_metadata.json", recipe.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("bash /gitgrader-setup/run-setup.sh", recipe.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("mv /autograder /opt/gitgrader-autograder", recipe.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("ln -s /work/autograder /autograder", recipe.Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecipeAsync_Dockerfile_DropsRootBeforeGrading()
    {
        var recipe = await RecipeAsync();

        var lines = recipe.Dockerfile.Split('\n');
        var lastUser = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.Equal("USER 1000:1000", lastUser.TrimEnd());
        Assert.Contains("WORKDIR /work", recipe.Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecipeAsync_Context_HoldsDockerfileAndSourceTreeOwnedByGrader()
    {
        var recipe = await RecipeAsync();

        var entries = recipe.Context.Entries;
        Assert.Equal(
            ["Dockerfile", "gitgrader-setup", "gitgrader-setup/run-setup.sh", "gitgrader-setup/trap.sh", "source", "source/run_autograder", "source/setup.sh", "source/tests", "source/tests/test_x.py"],
            entries.Select(e => e.RelativePath).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.Equal(StagedOwner.Grader, e.Owner));
        Assert.Equal(StagedEntryKind.Directory, entries.Single(e => e.RelativePath == "source/tests").Kind);
        Assert.Equal(recipe.Dockerfile, Encoding.UTF8.GetString(entries.Single(e => e.RelativePath == "Dockerfile").Content!.Value.Span));
        Assert.Equal(
            "def test_x():\n    assert True\n",
            Encoding.UTF8.GetString(entries.Single(e => e.RelativePath == "source/tests/test_x.py").Content!.Value.Span));
    }

    [Fact]
    public async Task RecipeAsync_Context_ParentsComeBeforeChildren()
    {
        var recipe = await RecipeAsync();

        var paths = recipe.Context.Entries.Select(e => e.RelativePath).ToList();
        foreach (var (path, index) in paths.Select((p, i) => (p, i)))
        {
            var slash = path.LastIndexOf('/');
            if (slash > 0)
            {
                var parent = path[..slash];
                Assert.True(paths.IndexOf(parent) is var p && p >= 0 && p < index, $"{parent} should be staged before {path}");
            }
        }
    }

    [Fact]
    public async Task RecipeAsync_ExecutableBit_CarriedIntoContext()
    {
        var recipe = await RecipeAsync();

        var entries = recipe.Context.Entries;
        Assert.True(entries.Single(e => e.RelativePath == "source/run_autograder").Executable);
        Assert.False(entries.Single(e => e.RelativePath == "source/tests/test_x.py").Executable);
    }

    [Fact]
    public async Task RecipeAsync_TwoCalls_SameContentHash()
    {
        var first = await RecipeAsync();
        var second = await RecipeAsync();

        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", first.ContentHash);
    }

    [Fact]
    public async Task RecipeAsync_FileContentChanges_ContentHashChanges()
    {
        var before = await RecipeAsync();
        await File.WriteAllTextAsync(AutograderPath("tests/test_x.py"), "def test_x():\n    assert False\n");

        var after = await RecipeAsync();

        Assert.NotEqual(before.ContentHash, after.ContentHash);
    }

    [Fact]
    public async Task RecipeAsync_FileRenamed_ContentHashChanges()
    {
        var before = await RecipeAsync();
        File.Move(AutograderPath("tests/test_x.py"), AutograderPath("tests/test_y.py"));

        var after = await RecipeAsync();

        Assert.NotEqual(before.ContentHash, after.ContentHash);
    }

    [Fact]
    public async Task RecipeAsync_ExecutableBitChanges_ContentHashChanges()
    {
        var before = await RecipeAsync();
        GradingScratchFolder.SetExecutable(AutograderPath("setup.sh"), true);

        var after = await RecipeAsync();

        Assert.NotEqual(before.ContentHash, after.ContentHash);
    }

    [Fact]
    public async Task RecipeAsync_ImageChanges_ContentHashChanges()
    {
        var before = await RecipeAsync();

        var after = await RecipeAsync("gitgrader/python:3.13");

        Assert.NotEqual(before.ContentHash, after.ContentHash);
    }

    [Fact]
    public async Task RecipeAsync_SymlinksInsideAutograder_NotFollowedNorIncluded()
    {
        var before = await RecipeAsync();
        var secret = _folder.Write("outside/secret.txt", "TOP SECRET");
        var secretDirectory = Path.GetDirectoryName(secret)!;
        File.CreateSymbolicLink(AutograderPath("secret.txt"), secret);
        Directory.CreateSymbolicLink(AutograderPath("tests/outside"), secretDirectory);
        File.CreateSymbolicLink(AutograderPath("dangling"), "/nonexistent/target");

        var after = await RecipeAsync();

        Assert.DoesNotContain(after.Context.Entries, e => e.RelativePath.Contains("secret", StringComparison.Ordinal));
        Assert.DoesNotContain(after.Context.Entries, e => e.RelativePath.Contains("outside", StringComparison.Ordinal));
        Assert.DoesNotContain(after.Context.Entries, e => e.RelativePath.Contains("dangling", StringComparison.Ordinal));
        Assert.DoesNotContain(
            after.Context.Entries,
            e => e.Content is { } content && Encoding.UTF8.GetString(content.Span).Contains("TOP SECRET", StringComparison.Ordinal));
        Assert.Equal(before.ContentHash, after.ContentHash);
    }

    [Theory]
    [InlineData("Lab-3", "gitgrader-autograder/lab-3")]
    [InlineData("hello", "gitgrader-autograder/hello")]
    public async Task RecipeAsync_Repository_NamedAfterLowercasedSlug(string slug, string expected)
    {
        var recipe = await GradescopeLayout.RecipeAsync(Assignment() with { Slug = slug }, CancellationToken.None);

        Assert.Equal(expected, recipe.Repository);
    }

    [Fact]
    public async Task RecipeAsync_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => GradescopeLayout.RecipeAsync(Assignment(), cancellation.Token));
    }

    [Fact]
    public void Metadata_StagesOneGraderOwnedFileAtWorkspaceRoot()
    {
        var tree = GradescopeLayout.Metadata(Assignment(), DateTimeOffset.UnixEpoch);

        var entry = Assert.Single(tree.Entries);
        Assert.Equal("submission_metadata.json", entry.RelativePath);
        Assert.Equal(StagedEntryKind.File, entry.Kind);
        Assert.Equal(StagedOwner.Grader, entry.Owner);
    }

    [Fact]
    public void Metadata_ValidJsonWithCreatedAtTitleAndDueDate()
    {
        var now = new DateTimeOffset(2025, 3, 10, 12, 30, 15, TimeSpan.Zero);

        var entry = Assert.Single(GradescopeLayout.Metadata(Assignment(), now).Entries);

        using var document = JsonDocument.Parse(entry.Content!.Value);
        var root = document.RootElement;
        Assert.Equal(now, root.GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal("Lab 3: Strings", root.GetProperty("assignment").GetProperty("title").GetString());
        Assert.Equal(
            new DateTimeOffset(2025, 3, 14, 23, 59, 0, TimeSpan.FromHours(-4)),
            root.GetProperty("assignment").GetProperty("due_date").GetDateTimeOffset());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("users").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("previous_submissions").ValueKind);
    }

    [Fact]
    public void Metadata_TitleWithQuotesAndNewlines_StillValidJson()
    {
        var assignment = Assignment() with { Name = "Lab \"3\"\n</script>\\" };

        var entry = Assert.Single(GradescopeLayout.Metadata(assignment, DateTimeOffset.UnixEpoch).Entries);

        using var document = JsonDocument.Parse(entry.Content!.Value);
        Assert.Equal("Lab \"3\"\n</script>\\", document.RootElement.GetProperty("assignment").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("Lab 1", "lab-1")]
    [InlineData("hw#2", "hw-2")]
    [InlineData("--Week_3--", "week-3")]
    [InlineData("###", "autograder")]
    public void RepositoryName_AnyFolderName_IsAValidDockerRepository(string slug, string expected)
    {
        Assert.Equal(expected, GradescopeLayout.RepositoryName(slug));
    }
}
