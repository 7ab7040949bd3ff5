using System.Text;
using GitGrader.AppTests.Support;
using GitGrader.AppTests.Units;
using GitGrader.GitHub.Webhooks;

namespace GitGrader.AppTests.EndToEnd;

/// <summary>
/// The check-run announcer of a real front-end-only <c>serve</c> (no worker: only the announcer can put a run on a
/// commit) against the stand-in, after a burst of pushes whose commits GitHub does not know.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AnnouncerTests
{
    private const int UnknownCommits = 230; // more than the announcer reads at once (200)

    [Fact]
    public async Task Pushes_GitHub_cannot_announce_are_tried_once_each_and_never_hold_up_a_later_push()
    {
        await using var scenario = await AppScenario.StartAsync(config => config["Worker"]!["Enabled"] = false);
        using var student = await scenario.StudentRepositoryAsync("ada");
        var push = WebhookExamples.First("push", e => e["deleted"]?.GetValue<bool>() == false);
        var unknown = new List<string>();
        for (var i = 0; i < UnknownCommits; i++)
        {
            var made = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "00000000";
            unknown.Add(made);
            var payload = push.DeepClone().AsObject().At(AppScenario.Repository("ada").Owner, AppScenario.Repository("ada").Name, scenario.InstallationId);
            payload["ref"] = $"refs/heads/topic-{i}"; // a branch each: a newer push to a branch would supersede the older
            payload["after"] = made;
            var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
            var status = await scenario.GitHub.PostRawWebhookAsync(body, new Dictionary<string, string>
            {
                ["X-GitHub-Event"] = "push",
                ["X-GitHub-Delivery"] = Guid.NewGuid().ToString(),
                ["X-Hub-Signature-256"] = WebhookSignature.Sign(body, scenario.GitHub.WebhookSecret),
                ["Content-Type"] = "application/json",
            });
            Assert.Equal(202, status);
        }

        // A real push after the burst: its queued run must come from the announcer within seconds.
        student.ReplaceFilesWith(CourseFolder.Solution);
        var sha = await student.CommitAllAsync("solution");
        await student.PushAsync();
        var run = await scenario.GitHub.WaitForCheckRunAsync(r => r.HeadSha == sha, TimeSpan.FromSeconds(30));
        Assert.Equal("queued", run.Status);

        // GitHub refused each unknown commit (422): asked once each, not again and again.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var asked = scenario.GitHub.Requests.Count(r => r.Method == "GET" && unknown.Any(u => r.Path.Contains(u, StringComparison.Ordinal)));
        Assert.Equal(UnknownCommits, asked);
        Assert.Contains("Not announcing job", scenario.ServerOutput, StringComparison.Ordinal);

        // The only requests GitHub refuses are those 422s, about the commits it does not know.
        Assert.All(scenario.GitHub.Violations, v => Assert.True(v.Status == 422 && unknown.Any(u => v.Path.Contains(u, StringComparison.Ordinal)), v.ToString()));
    }
}
