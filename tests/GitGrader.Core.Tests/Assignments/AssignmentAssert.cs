using GitGrader.Core.Assignments;

namespace GitGrader.Core.Tests.Assignments;

/// <summary>Loads a folder expecting an <see cref="AssignmentFormatException"/> at a given place.</summary>
internal static class AssignmentAssert
{
    /// <summary>Asserts loading fails at <paramref name="fileName"/>:<paramref name="line"/> about <paramref name="key"/>, with <paramref name="problem"/> in the message.</summary>
    public static async Task<AssignmentFormatException> FailsAsync(
        TempAssignmentFolder folder, string fileName, int? line, string? key, string problem)
    {
        var exception = await Assert.ThrowsAsync<AssignmentFormatException>(
            () => AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None));

        Assert.EndsWith(fileName, exception.FilePath, StringComparison.Ordinal);
        Assert.Equal(line, exception.Line);
        Assert.Equal(key, exception.Key);
        var where = line is null ? fileName : $"{fileName}:{line}";
        var prefix = key is null ? $"{where}: " : $"{where}: {key}: ";
        Assert.True(exception.Message.Contains(prefix, StringComparison.Ordinal), $"Expected '{prefix}' in: {exception.Message}");
        Assert.True(exception.Message.Contains(problem, StringComparison.Ordinal), $"Expected '{problem}' in: {exception.Message}");
        return exception;
    }

    /// <summary><see cref="FailsAsync"/> for <c>assignment.yml</c>.</summary>
    public static Task<AssignmentFormatException> YamlFailsAsync(TempAssignmentFolder folder, int? line, string? key, string problem) =>
        FailsAsync(folder, "assignment.yml", line, key, problem);

    /// <summary><see cref="FailsAsync"/> for <c>autograding.json</c>.</summary>
    public static Task<AssignmentFormatException> JsonFailsAsync(TempAssignmentFolder folder, int? line, string? key, string problem) =>
        FailsAsync(folder, "autograding.json", line, key, problem);
}
