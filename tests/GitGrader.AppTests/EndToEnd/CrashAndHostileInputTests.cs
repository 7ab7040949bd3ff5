using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GitGrader.AppTests.Support;
using GitGrader.GitHub.Webhooks;
using GitGrader.Storage;

namespace GitGrader.AppTests.EndToEnd;

/// <summary>What must survive: a server killed between the 202 and the report, deliveries that are forged, oversized or malformed, and a webhook secret rotation.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CrashAndHostileInputTests
{
    [Fact]
    public async Task A_server_killed_after_the_202_grades_the_submission_once_after_restart()
    {
        await using var scenario = await AppScenario.StartAsync();
        using var erin = await scenario.StudentRepositoryAsync("erin");
        erin.ReplaceFilesWith(CourseFolder.Solution);
        var sha = await erin.CommitAllAsync("solution");
        await erin.PushAsync();

        var delivery = await scenario.GitHub.WaitForDeliveryAsync(d => d.Event == "push" && d.Status is not null, TimeSpan.FromSeconds(30));
        await scenario.Server!.KillHardAsync();
        Assert.Equal(202, delivery.Status);
        Assert.DoesNotContain(scenario.CheckRunsOn(sha), r => r.Status == "completed");

        await scenario.StartServerAsync();
        var completed = await scenario.CompletedCheckRunAsync(sha);

        Assert.Equal("10/10 points", completed.Title);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var runs = scenario.CheckRunsOn(sha);
        Assert.Single(runs);
        Assert.Single(runs[0].StatusHistory, s => s == "completed");
        var store = await OpenStoreAsync(scenario);
        var scores = await store.GetStudentScoresAsync(CourseFolder.Slug, CancellationToken.None);
        Assert.Equal(1, Assert.Single(scores).Attempts);
        var stats = await store.GetQueueStatsAsync(CancellationToken.None);
        Assert.Equal((0, 0, 1, 0), (stats.Queued, stats.Running, stats.Done, stats.Failed));
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task A_server_killed_mid_grade_grades_the_job_again_within_15_s_of_its_restart_on_the_default_lease_and_reaps_its_container()
    {
        // The default lease (30 s): what an instructor runs. The job's lease would hold it far past 15 s.
        await using var scenario = await AppScenario.StartAsync(config => config["Worker"]!.AsObject().Remove("Lease"));
        using var erin = await scenario.StudentRepositoryAsync("erin");
        erin.ReplaceFilesWith(CourseFolder.Solution);
        CourseFolder.SlowDown(Path.Combine(erin.Directory, "wordcount.py"));
        var sha = await erin.CommitAllAsync("a slow but right solution");
        await erin.PushAsync();

        await scenario.GitHub.WaitForCheckRunAsync(r => r.HeadSha == sha && r.Status == "in_progress", TimeSpan.FromSeconds(60));
        var killed = scenario.Server!.ProcessId;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!(await OurContainerOwnersAsync()).Any(o => o.StartsWith($"{Environment.MachineName}/{killed}@", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the grade's container never appeared");
            await Task.Delay(100);
        }

        await scenario.Server.KillHardAsync();
        Assert.DoesNotContain(scenario.CheckRunsOn(sha), r => r.Status == "completed");

        await scenario.StartServerAsync();
        var restarted = System.Diagnostics.Stopwatch.StartNew();
        var completed = await scenario.CompletedCheckRunAsync(sha, TimeSpan.FromSeconds(60));
        var regraded = restarted.Elapsed;

        Assert.True(regraded < TimeSpan.FromSeconds(15), $"graded again {regraded.TotalSeconds:0.0} s after the restart");
        Assert.Equal("10/10 points", completed.Title);
        Assert.Single(scenario.CheckRunsOn(sha));
        Assert.Contains("Taking back 1 job(s) held by", scenario.ServerOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(await OurContainerOwnersAsync(), o => o.StartsWith($"{Environment.MachineName}/{killed}@", StringComparison.Ordinal));
        var store = await OpenStoreAsync(scenario);
        Assert.Equal(1, Assert.Single(await store.GetStudentScoresAsync(CourseFolder.Slug, CancellationToken.None)).Attempts);
        var stats = await store.GetQueueStatsAsync(CancellationToken.None);
        for (var wait = 0; stats.Running > 0 && wait < 50; wait++)
        {
            await Task.Delay(100); // the check run is completed just before the job is
            stats = await store.GetQueueStatsAsync(CancellationToken.None);
        }

        Assert.Equal((0, 0, 1, 0), (stats.Queued, stats.Running, stats.Done, stats.Failed));
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task A_worker_killed_mid_grade_has_its_job_graded_once_by_another_running_worker_which_reaps_its_container()
    {
        // serve only takes deliveries; two worker processes grade, on the one store.
        await using var scenario = await AppScenario.StartAsync(config => config["Worker"]!["Enabled"] = false);
        await using var killed = await Integration.WorkerProcess.StartAsync(scenario.Course.ConfigFile, scenario.Course.Root);
        using var fay = await scenario.StudentRepositoryAsync("fay");
        fay.ReplaceFilesWith(CourseFolder.Solution);
        CourseFolder.SlowDown(Path.Combine(fay.Directory, "wordcount.py"));
        var sha = await fay.CommitAllAsync("a slow but right solution");
        await fay.PushAsync();

        await scenario.GitHub.WaitForCheckRunAsync(r => r.HeadSha == sha && r.Status == "in_progress", TimeSpan.FromSeconds(60));
        var owner = $"{Environment.MachineName}/{killed.ProcessId}@";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!(await OurContainerOwnersAsync()).Any(o => o.StartsWith(owner, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the grade's container never appeared");
            await Task.Delay(100);
        }

        // The other worker runs already, idle: it takes the job when the killed one's lease (6 s here) runs out.
        await using var survivor = await Integration.WorkerProcess.StartAsync(scenario.Course.ConfigFile, scenario.Course.Root);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await killed.KillHardAsync();
        Assert.DoesNotContain(scenario.CheckRunsOn(sha), r => r.Status == "completed");

        var completed = await scenario.CompletedCheckRunAsync(sha, TimeSpan.FromSeconds(90));

        Assert.Equal("10/10 points", completed.Title);
        Assert.Single(scenario.CheckRunsOn(sha));
        Assert.Contains($"claimed job", survivor.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(await OurContainerOwnersAsync(), o => o.StartsWith(owner, StringComparison.Ordinal));
        var store = await OpenStoreAsync(scenario);
        Assert.Equal(1, Assert.Single(await store.GetStudentScoresAsync(CourseFolder.Slug, CancellationToken.None)).Attempts);
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task Forged_oversize_and_malformed_deliveries_get_4xx_record_nothing_and_the_server_keeps_serving()
    {
        await using var scenario = await AppScenario.StartAsync(config => config["Webhook"] = new System.Text.Json.Nodes.JsonObject { ["MaxBodyBytes"] = 65536 });
        var secret = scenario.GitHub.WebhookSecret;
        var body = Encoding.UTF8.GetBytes("""{"zen":"Design for failure.","hook_id":1}""");
        var forgedId = Guid.NewGuid().ToString();

        var cases = new (string Name, byte[] Body, Dictionary<string, string> Headers, HttpStatusCode Expected)[]
        {
            ("no signature", body, Headers("ping", forgedId, null), HttpStatusCode.Unauthorized),
            ("wrong secret", body, Headers("ping", forgedId, WebhookSignature.Sign(body, "not-the-secret")), HttpStatusCode.Unauthorized),
            ("signature of another body", body, Headers("ping", forgedId, WebhookSignature.Sign("{}"u8, secret)), HttpStatusCode.Unauthorized),
            ("sha1 signature only", body, Headers("ping", forgedId, "sha1=" + new string('0', 40)), HttpStatusCode.Unauthorized),
            ("oversize", Oversize(secret, out var bigSignature), Headers("push", Guid.NewGuid().ToString(), bigSignature), HttpStatusCode.RequestEntityTooLarge),
            ("not JSON", "not json"u8.ToArray(), Headers("push", Guid.NewGuid().ToString(), WebhookSignature.Sign("not json"u8, secret)), HttpStatusCode.BadRequest),
            ("push without repository", "{\"ref\":\"refs/heads/main\"}"u8.ToArray(), Headers("push", Guid.NewGuid().ToString(), WebhookSignature.Sign("{\"ref\":\"refs/heads/main\"}"u8, secret)), HttpStatusCode.BadRequest),
            ("no event header", body, Headers(null, Guid.NewGuid().ToString(), WebhookSignature.Sign(body, secret)), HttpStatusCode.BadRequest),
            ("no delivery header", body, Headers("ping", null, WebhookSignature.Sign(body, secret)), HttpStatusCode.BadRequest),
        };

        foreach (var (name, payload, headers, expected) in cases)
        {
            var status = await scenario.GitHub.PostRawWebhookAsync(payload, headers);
            Assert.True((HttpStatusCode)status == expected, $"{name}: expected {(int)expected}, got {status}");
        }

        Assert.False(scenario.Server!.HasExited);
        var stats = await (await OpenStoreAsync(scenario)).GetQueueStatsAsync(CancellationToken.None);
        Assert.Equal((0, 0, 0, 0), (stats.Queued, stats.Running, stats.Done, stats.Failed));

        // The forged delivery's id was not recorded: the genuine delivery with that id is accepted, not a duplicate.
        var genuine = await scenario.GitHub.PostRawWebhookAsync(body, Headers("ping", forgedId, WebhookSignature.Sign(body, secret)));
        Assert.Equal(202, genuine);
        var again = await scenario.GitHub.PostRawWebhookAsync(body, Headers("ping", forgedId, WebhookSignature.Sign(body, secret)));
        Assert.Equal(200, again);
    }

    [Fact]
    public async Task During_a_secret_rotation_deliveries_signed_with_either_secret_are_accepted_and_with_neither_get_401_recording_nothing()
    {
        var newSecret = "rotated-" + Guid.NewGuid().ToString("N");
        string? oldSecret = null;
        await using var scenario = await AppScenario.StartAsync(config =>
        {
            var gitHub = config["GitHub"]!.AsObject();
            oldSecret = gitHub["WebhookSecret"]!.GetValue<string>();
            gitHub["PreviousWebhookSecret"] = oldSecret;
            gitHub["WebhookSecret"] = newSecret;
        });
        var body = Encoding.UTF8.GetBytes("""{"zen":"Keep it logically awesome.","hook_id":1}""");
        var forgedId = Guid.NewGuid().ToString();

        var signedOld = await scenario.GitHub.PostRawWebhookAsync(body, Headers("ping", Guid.NewGuid().ToString(), WebhookSignature.Sign(body, oldSecret!)));
        var signedNew = await scenario.GitHub.PostRawWebhookAsync(body, Headers("ping", Guid.NewGuid().ToString(), WebhookSignature.Sign(body, newSecret)));
        var signedNeither = await scenario.GitHub.PostRawWebhookAsync(body, Headers("ping", forgedId, WebhookSignature.Sign(body, "neither-" + newSecret)));
        var unsigned = await scenario.GitHub.PostRawWebhookAsync(body, Headers("ping", forgedId, null));

        Assert.Equal((202, 202, 401, 401), (signedOld, signedNew, signedNeither, unsigned));

        // The refused delivery's id was not recorded: the genuine one with that id is accepted, not a duplicate.
        Assert.Equal(202, await scenario.GitHub.PostRawWebhookAsync(body, Headers("ping", forgedId, WebhookSignature.Sign(body, newSecret))));
        Assert.Equal(200, await scenario.GitHub.PostRawWebhookAsync(body, Headers("ping", forgedId, WebhookSignature.Sign(body, oldSecret!))));
        Assert.DoesNotContain(oldSecret!, scenario.ServerOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(newSecret, scenario.ServerOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_secret_rotation_through_serve_loses_no_delivery()
    {
        await using var scenario = await AppScenario.StartAsync();
        using var erin = await scenario.StudentRepositoryAsync("erin");
        var oldSecret = scenario.GitHub.WebhookSecret;
        var newSecret = "rotated-" + Guid.NewGuid().ToString("N");

        // 1. Every front-end accepts both: GitHub:WebhookSecret is the new secret, GitHub:PreviousWebhookSecret the old one.
        await RestartWithSecretsAsync(scenario, newSecret, oldSecret);
        erin.ReplaceFilesWith(CourseFolder.Starter);
        var signedOld = await PushAndGradeAsync(scenario, erin, "starter, signed with the old secret");

        // 2. The App's secret is changed on GitHub: deliveries are signed with the new one.
        scenario.GitHub.WebhookSecret = newSecret;
        erin.ReplaceFilesWith(CourseFolder.Solution);
        var signedNew = await PushAndGradeAsync(scenario, erin, "solution, signed with the new secret");

        // 3. The previous secret is removed: only the new one is accepted from now on.
        await RestartWithSecretsAsync(scenario, newSecret, previous: null);
        erin.WriteFile("NOTES.md", "rotation done\n");
        var afterRotation = await PushAndGradeAsync(scenario, erin, "after the rotation");
        var body = Encoding.UTF8.GetBytes("""{"zen":"Approachable is better than simple.","hook_id":1}""");
        var stale = await scenario.GitHub.PostRawWebhookAsync(body, Headers("ping", Guid.NewGuid().ToString(), WebhookSignature.Sign(body, oldSecret)));

        Assert.Equal(401, stale);
        Assert.Equal(3, new[] { signedOld, signedNew, afterRotation }.Distinct().Count());
        var store = await OpenStoreAsync(scenario);
        Assert.Equal(3, Assert.Single(await store.GetStudentScoresAsync(CourseFolder.Slug, CancellationToken.None)).Attempts);
        scenario.GitHub.AssertNoViolations();
    }

    /// <summary>Pushes a commit of <paramref name="copy"/>; asserts its delivery was answered 202 and its check run completed; returns the commit.</summary>
    private static async Task<string> PushAndGradeAsync(AppScenario scenario, GitWorkingCopy copy, string message)
    {
        var sha = await copy.CommitAllAsync(message);
        await copy.PushAsync();
        var delivery = await scenario.GitHub.WaitForDeliveryAsync(
            d => d.Event == "push" && d.Status is not null && Encoding.UTF8.GetString(d.Body.Span).Contains(sha, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        Assert.True(delivery.Status == 202, $"{message}: the push was answered {delivery.Status} {delivery.ResponseBody}");
        await scenario.CompletedCheckRunAsync(sha);
        return sha;
    }

    /// <summary>Rewrites the course's <c>GitHub</c> secrets and restarts <c>serve</c> on them (same database).</summary>
    private static async Task RestartWithSecretsAsync(AppScenario scenario, string current, string? previous)
    {
        var config = JsonNode.Parse(await File.ReadAllTextAsync(scenario.Course.ConfigFile))!.AsObject();
        var gitHub = config["GitHub"]!.AsObject();
        gitHub["WebhookSecret"] = current;
        if (previous is null)
        {
            gitHub.Remove("PreviousWebhookSecret");
        }
        else
        {
            gitHub["PreviousWebhookSecret"] = previous;
        }

        await File.WriteAllTextAsync(scenario.Course.ConfigFile, config.ToJsonString());
        await scenario.Server!.DisposeAsync();
        await scenario.StartServerAsync();
    }

    private static Dictionary<string, string> Headers(string? eventName, string? delivery, string? signature)
    {
        var headers = new Dictionary<string, string> { ["User-Agent"] = "GitHub-Hookshot/test", ["Content-Type"] = "application/json" };
        if (eventName is not null)
        {
            headers["X-GitHub-Event"] = eventName;
        }

        if (delivery is not null)
        {
            headers["X-GitHub-Delivery"] = delivery;
        }

        if (signature is not null)
        {
            headers["X-Hub-Signature-256"] = signature;
        }

        return headers;
    }

    private static byte[] Oversize(string secret, out string signature)
    {
        var body = Encoding.UTF8.GetBytes("{\"padding\":\"" + new string('x', 200_000) + "\"}");
        signature = WebhookSignature.Sign(body, secret);
        return body;
    }

    /// <summary>The owner labels of GitGrader's containers on the engine, from the docker CLI.</summary>
    private static async Task<IReadOnlyList<string>> OurContainerOwnersAsync()
    {
        var start = new System.Diagnostics.ProcessStartInfo("docker") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "ps", "-a", "--filter", "label=io.gitgrader.managed=true", "--format", "{{.Label \"io.gitgrader.owner\"}}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var docker = System.Diagnostics.Process.Start(start)!;
        var output = await docker.StandardOutput.ReadToEndAsync();
        await docker.WaitForExitAsync();
        Assert.Equal(0, docker.ExitCode);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static async Task<IGradingStore> OpenStoreAsync(AppScenario scenario)
    {
        var store = GradingStoreFactory.Create(scenario.Course.Database, TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }
}
