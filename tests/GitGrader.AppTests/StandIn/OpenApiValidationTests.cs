using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn;

namespace GitGrader.AppTests.StandInTests;

/// <summary>Every REST request is checked against GitHub's OpenAPI description (@octokit/openapi).</summary>
public sealed class OpenApiValidationTests : StandInTestBase
{
    private const string CheckRuns = $"repos/{Org}/{Repo}/check-runs";

    [Fact]
    public async Task CreateCheckRun_Valid_IsAcceptedWithoutViolations()
    {
        var sha = await SeedAsync();
        var body = CheckRun(sha, "in_progress");
        body["started_at"] = DateTimeOffset.UtcNow.ToString("O");
        body["output"] = new JsonObject { ["title"] = "running", ["summary"] = "…", ["annotations"] = new JsonArray(Annotation(1)) };

        var answer = await Api.PostAsync(CheckRuns, TokenAuth, body);

        Assert.True(answer.Status == 201, answer.ToString());
        Assert.Equal(sha, answer.Body!["head_sha"]!.GetValue<string>());
        Assert.Equal("in_progress", answer.Body["status"]!.GetValue<string>());
        Assert.EndsWith($"/api/v3/{CheckRuns}/{answer.Body["id"]}", answer.Headers["Location"], StringComparison.Ordinal);
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task CreateCheckRun_WithoutHeadSha_Is422AndAViolation()
    {
        var body = CheckRun("x");
        body.Remove("head_sha");

        var answer = await Api.PostAsync(CheckRuns, TokenAuth, body);

        Assert.Equal(422, answer.Status);
        var violation = Assert.Single(GitHub.Violations);
        Assert.Equal(ViolationKind.Schema, violation.Kind);
        Assert.Equal("checks/create", violation.Operation);
        Assert.Contains(violation.Errors, e => e.Contains("head_sha", StringComparison.Ordinal));
        Assert.Contains("head_sha", answer.Body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(GitHub.CheckRuns);
    }

    [Fact]
    public async Task CreateCheckRun_SummaryOver65535Characters_Is422()
    {
        var sha = await SeedAsync();
        var body = CheckRun(sha);
        body["output"] = new JsonObject { ["title"] = "t", ["summary"] = new string('x', 65_536) };

        var answer = await Api.PostAsync(CheckRuns, TokenAuth, body);

        Assert.Equal(422, answer.Status);
        Assert.Contains(Assert.Single(GitHub.Violations).Errors, e => e.Contains("/output/summary", StringComparison.Ordinal) && e.Contains("65535", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateCheckRun_SummaryOfExactly65535Characters_IsAccepted()
    {
        var sha = await SeedAsync();
        var body = CheckRun(sha);
        body["output"] = new JsonObject { ["title"] = "t", ["summary"] = new string('x', 65_535) };

        var answer = await Api.PostAsync(CheckRuns, TokenAuth, body);

        Assert.Equal(201, answer.Status);
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task UpdateCheckRun_51Annotations_Is422_50AreAccepted()
    {
        var sha = await SeedAsync();
        var created = await Api.PostAsync(CheckRuns, TokenAuth, CheckRun(sha));
        var id = created.Body!["id"]!.GetValue<long>();
        JsonObject Update(int count) => new()
        {
            ["output"] = new JsonObject { ["title"] = "t", ["summary"] = "s", ["annotations"] = new JsonArray([.. Enumerable.Range(1, count).Select(i => (JsonNode)Annotation(i))]) },
        };

        var tooMany = await Api.PatchAsync($"{CheckRuns}/{id}", TokenAuth, Update(51));
        var fifty = await Api.PatchAsync($"{CheckRuns}/{id}", TokenAuth, Update(50));

        Assert.Equal(422, tooMany.Status);
        Assert.Contains(Assert.Single(GitHub.Violations).Errors, e => e.Contains("/output/annotations", StringComparison.Ordinal) && e.Contains("50", StringComparison.Ordinal));
        Assert.Equal(200, fifty.Status);
        Assert.Equal(50, Assert.Single(GitHub.CheckRuns).Annotations.Count);
    }

    [Fact]
    public async Task CreateCheckRun_WrongEnum_Is422NamingTheAllowedValues()
    {
        var sha = await SeedAsync();

        var answer = await Api.PostAsync(CheckRuns, TokenAuth, CheckRun(sha, status: "done"));

        Assert.Equal(422, answer.Status);
        var error = Assert.Single(Assert.Single(GitHub.Violations).Errors);
        Assert.Contains("/status", error, StringComparison.Ordinal);
        Assert.Contains("\"in_progress\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateCheckRun_CompletedWithoutConclusion_Is422()
    {
        var sha = await SeedAsync();
        var created = await Api.PostAsync(CheckRuns, TokenAuth, CheckRun(sha));

        var answer = await Api.PatchAsync($"{CheckRuns}/{created.Body!["id"]}", TokenAuth, new JsonObject { ["status"] = "completed" });

        Assert.Equal(422, answer.Status);
        Assert.Contains(Assert.Single(GitHub.Violations).Errors, e => e.Contains("conclusion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongMethod_Is404AndAnUnknownEndpointViolation()
    {
        var answer = await Api.SendAsync(HttpMethod.Put, CheckRuns, TokenAuth, CheckRun("abc"));

        Assert.Equal(404, answer.Status);
        Assert.Equal("Not Found", answer.Body!["message"]!.GetValue<string>());
        var violation = Assert.Single(GitHub.Violations);
        Assert.Equal(ViolationKind.UnknownEndpoint, violation.Kind);
        Assert.Contains("PUT is not an operation of /repos/{owner}/{repo}/check-runs", Assert.Single(violation.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPath_Is404AndAViolation()
    {
        var answer = await Api.GetAsync($"repos/{Org}/{Repo}/check-run", TokenAuth);

        Assert.Equal(404, answer.Status);
        Assert.Contains("matches no path", Assert.Single(Assert.Single(GitHub.Violations).Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealEndpointTheStandInLacks_Is404AndANotImplementedViolation()
    {
        var answer = await Api.GetAsync($"repos/{Org}/{Repo}/branches", TokenAuth);

        Assert.Equal(404, answer.Status);
        var violation = Assert.Single(GitHub.Violations);
        Assert.Equal(ViolationKind.NotImplemented, violation.Kind);
        Assert.Equal("repos/list-branches", violation.Operation);
    }

    [Fact]
    public async Task ListIssues_BadQueryParameters_Are422()
    {
        var answer = await Api.GetAsync($"repos/{Org}/{Repo}/issues?state=everything&per_page=lots&creatr=bob", TokenAuth);

        Assert.Equal(422, answer.Status);
        var errors = Assert.Single(GitHub.Violations).Errors;
        Assert.Contains(errors, e => e.Contains("'state'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'per_page' must be integer", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'creatr' is not a parameter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MalformedJson_Is400ProblemsParsingJson()
    {
        using var http = new HttpClient { BaseAddress = GitHub.ApiBaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, CheckRuns) { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", TokenAuth);

        using var response = await http.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("Problems parsing JSON", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ViolationKind.MalformedJson, Assert.Single(GitHub.Violations).Kind);
    }

    [Fact]
    public async Task AssertNoViolations_ListsMethodPathAndErrorsOfEach()
    {
        await Api.PostAsync(CheckRuns, TokenAuth, new JsonObject { ["name"] = "x" });
        await Api.GetAsync("repos/a/b/nothing-here", TokenAuth);

        var thrown = Assert.Throws<StandInViolationException>(GitHub.AssertNoViolations);

        Assert.Equal(2, thrown.Violations.Count);
        Assert.Contains($"POST /api/v3/{CheckRuns}", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("body must have required property 'head_sha'", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("GET /api/v3/repos/a/b/nothing-here", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestsOutsideTheApi_AreViolations()
    {
        using var http = new HttpClient { BaseAddress = GitHub.BaseUrl };

        using var response = await http.GetAsync($"repos/{Org}/{Repo}/check-runs");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(ViolationKind.OutsideApi, Assert.Single(GitHub.Violations).Kind);
    }
}
