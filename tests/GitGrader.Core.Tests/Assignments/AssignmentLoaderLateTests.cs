using GitGrader.Core.Assignments;

namespace GitGrader.Core.Tests.Assignments;

public sealed class AssignmentLoaderLateTests
{
    // Line 3 is the deadline; the lines given start at line 4.
    private static string Yaml(string lines, string deadline = "deadline: 2026-12-15T23:59:00-05:00") => $"""
        name: Hello
        image: img
        {deadline}
        {lines}
        tests:
          - name: greets
            run: python3 hello.py
        """;

    [Fact]
    public async Task LoadAsync_LateAndCounts_AreRead()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("late: { grace: 15m, penalty_per_day: 10%, max_penalty: 50% }\ncounts: best_on_time"));

        var assignment = await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMinutes(15), assignment.Late.Grace);
        Assert.Equal(10, assignment.Late.PenaltyPerDay);
        Assert.Equal(50, assignment.Late.MaxPenalty);
        Assert.Equal(SubmissionCounting.BestOnTime, assignment.Counts);
    }

    [Fact]
    public async Task LoadAsync_NoLateNoCounts_NoPenaltyAndBest()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml(string.Empty));

        var assignment = await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

        Assert.Equal(LatePolicy.None, assignment.Late);
        Assert.Equal(TimeSpan.Zero, assignment.Late.Grace);
        Assert.Equal(0, assignment.Late.PenaltyPerDay);
        Assert.Equal(100, assignment.Late.MaxPenalty);
        Assert.Equal(SubmissionCounting.Best, assignment.Counts);
    }

    [Fact]
    public async Task LoadAsync_LateWithOnlyPenalty_DefaultsGraceAndCap()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("late:\n  penalty_per_day: 12.5%\ncounts: LATEST"));

        var assignment = await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

        Assert.Equal(new LatePolicy { PenaltyPerDay = 12.5 }, assignment.Late);
        Assert.Equal(SubmissionCounting.Latest, assignment.Counts);
    }

    [Fact]
    public async Task LoadAsync_Timezone_IsKeptForExtensions()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("timezone: Europe/Paris", "deadline: 2026-12-15 23:59"));

        var assignment = await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

        Assert.Equal("Europe/Paris", assignment.TimeZone?.Id);
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 23, 59, 0, TimeSpan.FromHours(1)), assignment.Deadline);
    }

    [Theory]
    [InlineData("late:\n  grace: 15m\n  penalty_per_dya: 10%", 6, "late.penalty_per_dya", "did you mean 'penalty_per_day'")]
    [InlineData("late:\n  grcae: 15m", 5, "late.grcae", "did you mean 'grace'")]
    [InlineData("late:\n  grace: soon", 5, "late.grace", "expected a duration such as")]
    [InlineData("late:\n  grace: 9000h", 5, "late.grace", "must be at most a year")]
    [InlineData("late:\n  penalty_per_day: 10", 5, "late.penalty_per_day", "write the % sign")]
    [InlineData("late:\n  penalty_per_day: ten%", 5, "late.penalty_per_day", "expected a percentage such as 10% but found 'ten%'")]
    [InlineData("late:\n  penalty_per_day: -5%", 5, "late.penalty_per_day", "expected a percentage such as 10%")]
    [InlineData("late:\n  penalty_per_day: 150%", 5, "late.penalty_per_day", "must be from 0% to 100%")]
    [InlineData("late:\n  max_penalty: 101%", 5, "late.max_penalty", "must be from 0% to 100%")]
    [InlineData("late:\n  max_penalty: [50%]", 5, "late.max_penalty", "expected a percentage such as 10% but found a list")]
    [InlineData("late: 10%", 4, "late", "expected a mapping but found '10%'")]
    [InlineData("counts: bset", 4, "counts", "unknown counts 'bset'; did you mean 'best'?")]
    [InlineData("counts: first", 4, "counts", "allowed values: best, latest, best_on_time, latest_on_time")]
    [InlineData("count: best", 4, "count", "did you mean 'counts'")]
    public async Task LoadAsync_BadLateOrCounts_NamesTheKey(string lines, int line, string key, string problem)
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml(lines));

        await AssignmentAssert.YamlFailsAsync(folder, line, key, problem);
    }

    [Theory]
    [InlineData("late: { grace: 15m }", "late", "a late policy needs the assignment to have a 'deadline'")]
    [InlineData("counts: best_on_time", "counts", "best_on_time needs the assignment to have a 'deadline'")]
    [InlineData("counts: latest_on_time", "counts", "latest_on_time needs the assignment to have a 'deadline'")]
    public async Task LoadAsync_OnTimePolicyWithoutDeadline_IsAnError(string lines, string key, string problem)
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml(lines, deadline: "slug: hello"));

        await AssignmentAssert.YamlFailsAsync(folder, 4, key, problem);
    }

    [Fact]
    public async Task LoadAsync_CountsLatestWithoutDeadline_IsFine()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml("counts: latest", deadline: "slug: hello"));

        Assert.Equal(SubmissionCounting.Latest, (await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None)).Counts);
    }
}
