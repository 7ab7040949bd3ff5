using System.Text;
using System.Text.Json;
using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Tests.Support;

namespace GitGrader.GitHub.Tests.Rest;

/// <summary>Check run bodies: GitHub's spellings, no null members, 50 annotations per request, texts cut to GitHub's limits.</summary>
public sealed class GitHubClientCheckRunTests
{
    private static readonly DateTimeOffset Started = new(2025, 3, 14, 15, 9, 26, 535, TimeSpan.FromHours(2));

    [Fact]
    public async Task CreateCheckRun_120Annotations_PostWith50ThenPatchesWith50And20()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", $"{Answers.RepoPath}/check-runs", Reply.Json(201, Answers.CheckRun(77, "completed", "failure")));
        h.Server.On("PATCH", $"{Answers.RepoPath}/check-runs/77", Reply.Ok(Answers.CheckRun(77, "completed", "failure")));
        var output = new CheckRunOutput
        {
            Title = "7/10 points",
            Summary = "## Results",
            Text = "details",
            Annotations = [.. Enumerable.Range(1, 120).Select(i => new CheckRunAnnotation("src/main.py", i, i, "failure", $"problem {i}", $"test {i}"))],
        };

        var run = await h.Client.CreateCheckRunAsync(5, Answers.Repo, new NewCheckRun
        {
            Name = "Homework 1",
            HeadSha = "abc123",
            Status = CheckRunStatus.Completed,
            Conclusion = CheckRunConclusion.Failure,
            CompletedAt = Started,
            Output = output,
        }, CancellationToken.None);

        Assert.Equal(77, run.Id);
        Assert.Equal("completed", run.Status);
        Assert.Equal("failure", run.Conclusion);
        var sent = h.Server.RequestsOtherThanTokens;
        Assert.Equal(["POST", "PATCH", "PATCH"], sent.Select(r => r.Method));
        Assert.Equal([50, 50, 20], sent.Select(r => r.JsonBody.GetProperty("output").GetProperty("annotations").GetArrayLength()));
        Assert.Equal(Enumerable.Range(1, 120), sent.SelectMany(r => r.JsonBody.GetProperty("output").GetProperty("annotations").EnumerateArray()).Select(a => a.GetProperty("start_line").GetInt32()));
        foreach (var request in sent)
        {
            var sentOutput = request.JsonBody.GetProperty("output");
            Assert.Equal("7/10 points", sentOutput.GetProperty("title").GetString());
            Assert.Equal("## Results", sentOutput.GetProperty("summary").GetString());
            Assert.Equal("details", sentOutput.GetProperty("text").GetString());
        }

        Assert.Equal(["output"], sent[1].JsonBody.EnumerateObject().Select(p => p.Name));
        Assert.Equal(sent[1].Path, sent[2].Path);
    }

    [Fact]
    public async Task CreateCheckRun_Body_UsesGitHubNamesAndLeavesNullsOut()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", $"{Answers.RepoPath}/check-runs", Reply.Json(201, Answers.CheckRun(1, "in_progress")));

        await h.Client.CreateCheckRunAsync(5, Answers.Repo, new NewCheckRun
        {
            Name = "Homework 1",
            HeadSha = "abc123",
            ExternalId = "job-7",
            Status = CheckRunStatus.InProgress,
            StartedAt = Started,
        }, CancellationToken.None);

        var body = h.Server.RequestsOtherThanTokens.Single().JsonBody;
        Assert.Equal(
            """{"name":"Homework 1","head_sha":"abc123","external_id":"job-7","status":"in_progress","started_at":"2025-03-14T13:09:26Z"}""",
            JsonSerializer.Serialize(body));
    }

    [Fact]
    public async Task CreateCheckRun_Annotation_HasGitHubMembers()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", $"{Answers.RepoPath}/check-runs", Reply.Json(201, Answers.CheckRun(1)));

        await h.Client.CreateCheckRunAsync(5, Answers.Repo, new NewCheckRun
        {
            Name = "Homework 1",
            HeadSha = "abc123",
            Output = new CheckRunOutput { Title = "t", Summary = "s", Annotations = [new("a/b.py", 3, 4, "warning", "msg", null)] },
        }, CancellationToken.None);

        var output = h.Server.RequestsOtherThanTokens.Single().JsonBody.GetProperty("output");
        Assert.False(output.TryGetProperty("text", out _));
        Assert.Equal(
            """{"path":"a/b.py","start_line":3,"end_line":4,"annotation_level":"warning","message":"msg"}""",
            JsonSerializer.Serialize(output.GetProperty("annotations")[0]));
    }

    [Theory]
    [InlineData(CheckRunConclusion.Success, "success")]
    [InlineData(CheckRunConclusion.Failure, "failure")]
    [InlineData(CheckRunConclusion.Neutral, "neutral")]
    [InlineData(CheckRunConclusion.Skipped, "skipped")]
    [InlineData(CheckRunConclusion.Cancelled, "cancelled")]
    [InlineData(CheckRunConclusion.TimedOut, "timed_out")]
    [InlineData(CheckRunConclusion.ActionRequired, "action_required")]
    public async Task UpdateCheckRun_Conclusion_IsGitHubsSpelling(CheckRunConclusion conclusion, string expected)
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("PATCH", $"{Answers.RepoPath}/check-runs/9", Reply.Ok(Answers.CheckRun(9)));

        await h.Client.UpdateCheckRunAsync(5, Answers.Repo, 9, new CheckRunUpdate { Conclusion = conclusion, CompletedAt = Started }, CancellationToken.None);

        Assert.Equal(
            $$"""{"conclusion":"{{expected}}","completed_at":"2025-03-14T13:09:26Z"}""",
            h.Server.RequestsOtherThanTokens.Single().Body);
    }

    [Fact]
    public async Task UpdateCheckRun_StatusOnly_SendsOnlyStatus()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("PATCH", $"{Answers.RepoPath}/check-runs/9", Reply.Ok(Answers.CheckRun(9)));

        await h.Client.UpdateCheckRunAsync(5, Answers.Repo, 9, new CheckRunUpdate { Status = CheckRunStatus.InProgress }, CancellationToken.None);

        Assert.Equal("""{"status":"in_progress"}""", h.Server.RequestsOtherThanTokens.Single().Body);
    }

    [Fact]
    public async Task UpdateCheckRun_101Annotations_ThreePatchesTheFirstWithTheConclusion()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("PATCH", $"{Answers.RepoPath}/check-runs/9", Reply.Ok(Answers.CheckRun(9)));
        var update = new CheckRunUpdate
        {
            Conclusion = CheckRunConclusion.Success,
            Output = new CheckRunOutput { Title = "10/10", Summary = "ok", Annotations = [.. Enumerable.Range(1, 101).Select(i => new CheckRunAnnotation("f", i, i, "notice", "m", null))] },
        };

        await h.Client.UpdateCheckRunAsync(5, Answers.Repo, 9, update, CancellationToken.None);

        var sent = h.Server.RequestsOtherThanTokens;
        Assert.Equal([50, 50, 1], sent.Select(r => r.JsonBody.GetProperty("output").GetProperty("annotations").GetArrayLength()));
        Assert.Equal("success", sent[0].JsonBody.GetProperty("conclusion").GetString());
        Assert.All(sent.Skip(1), r => Assert.False(r.JsonBody.TryGetProperty("conclusion", out _)));
        Assert.All(sent, r => Assert.Equal("10/10", r.JsonBody.GetProperty("output").GetProperty("title").GetString()));
    }

    [Fact]
    public async Task CreateCheckRun_OverlongTexts_AreCutToGitHubsLimitsWithAMarker()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", $"{Answers.RepoPath}/check-runs", Reply.Json(201, Answers.CheckRun(1)));
        var output = new CheckRunOutput
        {
            Title = "t",
            Summary = new string('s', 70_000),
            Text = string.Concat(Enumerable.Repeat("😀", 40_000)),
            Annotations = [new("f.py", 1, 1, "failure", new string('é', 40_000), new string('T', 300))],
        };

        await h.Client.CreateCheckRunAsync(5, Answers.Repo, new NewCheckRun { Name = "n", HeadSha = "abc", Output = output }, CancellationToken.None);

        var sentOutput = h.Server.RequestsOtherThanTokens.Single().JsonBody.GetProperty("output");
        var summary = sentOutput.GetProperty("summary").GetString()!;
        var text = sentOutput.GetProperty("text").GetString()!;
        var annotation = sentOutput.GetProperty("annotations")[0];
        Assert.True(summary.Length <= 65_535, $"summary has {summary.Length}");
        Assert.Contains("truncated by GitGrader", summary, StringComparison.Ordinal);
        Assert.True(text.Length <= 65_535);
        Assert.Contains("truncated by GitGrader", text, StringComparison.Ordinal);
        Assert.StartsWith("😀😀", text, StringComparison.Ordinal);
        new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(text);
        Assert.True(annotation.GetProperty("title").GetString()!.Length <= 255);
        Assert.True(Encoding.UTF8.GetByteCount(annotation.GetProperty("message").GetString()!) <= 64 * 1024);
        Assert.Contains("truncated by GitGrader", annotation.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCheckRun_PatchFails_ThrowsNamingThePatch()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", $"{Answers.RepoPath}/check-runs", Reply.Json(201, Answers.CheckRun(77)));
        h.Server.On("PATCH", $"{Answers.RepoPath}/check-runs/77", Reply.Error(422, "Validation Failed"));
        var output = new CheckRunOutput { Title = "t", Summary = "s", Annotations = [.. Enumerable.Range(1, 60).Select(i => new CheckRunAnnotation("f", i, i, "notice", "m", null))] };

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.CreateCheckRunAsync(5, Answers.Repo, new NewCheckRun { Name = "n", HeadSha = "abc", Output = output }, CancellationToken.None));

        Assert.Contains($"PATCH {Answers.RepoPath}/check-runs/77", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Validation Failed", ex.Message, StringComparison.Ordinal);
    }
}
