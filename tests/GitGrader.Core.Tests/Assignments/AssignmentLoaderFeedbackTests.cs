using GitGrader.Core.Assignments;

namespace GitGrader.Core.Tests.Assignments;

public sealed class AssignmentLoaderFeedbackTests
{
    private static string Yaml(string feedbackLines) => $"""
        name: Hello
        image: img
        {feedbackLines}
        tests:
          - name: greets
            run: python3 hello.py
        """;

    [Fact]
    public async Task LoadAsync_FeedbackMapping_ReadsNumberResetAndZone()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("feedback: { hidden_results_per_day: 3, resets_at: \"06:30\", time_zone: Europe/Berlin }"));

        var assignment = await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

        Assert.NotNull(assignment.Feedback);
        Assert.Equal(3, assignment.Feedback.HiddenResultsPerDay);
        Assert.Equal(new TimeOnly(6, 30), assignment.Feedback.ResetsAt);
        Assert.Equal("Europe/Berlin", assignment.Feedback.TimeZone.Id);
    }

    [Fact]
    public async Task LoadAsync_FeedbackWithoutZone_TakesTheAssignmentsTimezoneAndMidnight()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("timezone: America/New_York\nfeedback:\n  hidden_results_per_day: 0"));

        var assignment = await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

        Assert.Equal(0, assignment.Feedback!.HiddenResultsPerDay);
        Assert.Equal(TimeOnly.MinValue, assignment.Feedback.ResetsAt);
        Assert.Equal("America/New_York", assignment.Feedback.TimeZone.Id);
    }

    [Fact]
    public async Task LoadAsync_NoFeedback_HasNoLimit()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml(string.Empty));

        Assert.Null((await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None)).Feedback);
    }

    [Fact]
    public async Task LoadAsync_MisspeltFeedbackKey_SuggestsTheKey()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("feedback:\n  hidden_results_per_day: 3\n  reset_at: \"00:00\""));

        await AssignmentAssert.YamlFailsAsync(folder, 5, "feedback.reset_at", "did you mean 'resets_at'");
    }

    [Fact]
    public async Task LoadAsync_MisspeltTimeZone_SuggestsTheZone()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("feedback:\n  hidden_results_per_day: 3\n  time_zone: Europe/Berln"));

        await AssignmentAssert.YamlFailsAsync(folder, 5, "feedback.time_zone", "unknown time zone 'Europe/Berln'; did you mean 'Europe/Berlin'?");
    }

    [Fact]
    public async Task LoadAsync_UnknownTimeZone_SaysUseAnIanaId()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("feedback:\n  hidden_results_per_day: 3\n  time_zone: Mars/Olympus_Mons_Base"));

        await AssignmentAssert.YamlFailsAsync(folder, 5, "feedback.time_zone", "use an IANA id");
    }

    [Fact]
    public async Task LoadAsync_WindowsZoneId_IsRefused()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("feedback:\n  hidden_results_per_day: 3\n  time_zone: W. Europe Standard Time"));

        await AssignmentAssert.YamlFailsAsync(folder, 5, "feedback.time_zone", "unknown time zone 'W. Europe Standard Time'");
    }

    [Fact]
    public async Task LoadAsync_MissingNumber_SaysWhatToWrite()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("feedback:\n  resets_at: \"00:00\""));

        await AssignmentAssert.YamlFailsAsync(folder, 4, "feedback.hidden_results_per_day", "is required but missing");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1001")]
    public async Task LoadAsync_NumberOutOfRange_IsAnError(string number)
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml($"feedback:\n  hidden_results_per_day: {number}"));

        await AssignmentAssert.YamlFailsAsync(folder, 4, "feedback.hidden_results_per_day", "must be from 0 to 1000");
    }

    [Theory]
    [InlineData("\"24:00\"")]
    [InlineData("\"7am\"")]
    [InlineData("\"12:60\"")]
    public async Task LoadAsync_BadResetTime_IsAnError(string value)
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml($"feedback:\n  hidden_results_per_day: 3\n  resets_at: {value}"));

        await AssignmentAssert.YamlFailsAsync(folder, 5, "feedback.resets_at", "expected a time of day such as 00:00");
    }

    [Fact]
    public async Task LoadAsync_FeedbackNotAMapping_IsAnError()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("feedback: 3"));

        await AssignmentAssert.YamlFailsAsync(folder, 3, "feedback", "expected a mapping");
    }
}
