using GitGrader.Core.Assignments;

namespace GitGrader.Core.Tests.Assignments;

/// <summary>The keys provisioning and the cut-off read: <c>template</c> and <c>close_at_deadline</c>.</summary>
public sealed class AssignmentLoaderProvisioningTests
{
    private static string Yaml(string lines) => $"""
        name: Hello
        image: img
        {lines}
        tests:
          - name: greets
            run: python3 hello.py
        """;

    [Fact]
    public async Task LoadAsync_Template_ReadsOwnerAndName()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("template: cs101-staff/lab.1_template"));

        var assignment = await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

        Assert.Equal(new TemplateRepository("cs101-staff", "lab.1_template"), assignment.Template);
        Assert.False(assignment.CloseAtDeadline);
    }

    [Fact]
    public async Task LoadAsync_NoTemplate_IsNull()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml(string.Empty));

        Assert.Null((await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None)).Template);
    }

    [Theory]
    [InlineData("template: just-a-name")]
    [InlineData("template: a/b/c")]
    [InlineData("template: -bad/name")]
    [InlineData("template: owner/..")]
    public async Task LoadAsync_TemplateNotOwnerSlashName_NamesTheKey(string line)
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml(line));

        await AssignmentAssert.YamlFailsAsync(folder, 3, "template", "is not a repository owner/name");
    }

    [Fact]
    public async Task LoadAsync_CloseAtDeadlineWithDeadline_IsRead()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("deadline: 2026-12-15T23:59:00-05:00\nclose_at_deadline: true"));

        Assert.True((await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None)).CloseAtDeadline);
    }

    [Fact]
    public async Task LoadAsync_CloseAtDeadlineWithoutDeadline_NamesTheKey()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("close_at_deadline: true"));

        await AssignmentAssert.YamlFailsAsync(folder, 3, "close_at_deadline", "needs the assignment to have a 'deadline'");
    }

    [Fact]
    public async Task LoadAsync_CloseAtDeadlineNotABoolean_NamesTheKey()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("deadline: 2026-12-15T23:59:00-05:00\nclose_at_deadline: yes please"));

        await AssignmentAssert.YamlFailsAsync(folder, 4, "close_at_deadline", "expected true or false but found 'yes please'");
    }
}
