using System.Globalization;
using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GitGrader.GitHub.Tests.Rest;

/// <summary>No installation token and no JWT ever shows in an exception or a log line.</summary>
public sealed class GitHubClientSecretTests
{
    public static TheoryData<string> Failures => ["404", "500", "dropped", "ratelimit", "422"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task FailedInstallationCall_ExceptionHoldsNoCredential(string failure)
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("PATCH", $"{Answers.RepoPath}/issues/comments/10", failure switch
        {
            "404" => Reply.Error(404, "Not Found"),
            "500" => Reply.Error(500, "Server Error"),
            "dropped" => Reply.Dropped(),
            "422" => Reply.Json(422, """{"message":"Validation Failed","errors":[{"resource":"IssueComment","code":"custom","field":"body","message":"body is too long"}]}"""),
            _ => Reply.Error(403, "API rate limit exceeded", ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", ClientHarness.Start.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))),
        });

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.UpdateIssueCommentAsync(5, Answers.Repo, 10, "body", CancellationToken.None));

        AssertNoSecrets(h, ex.ToString());
        Assert.Contains($"PATCH {Answers.RepoPath}/issues/comments/10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedTokenFetch_ExceptionHoldsNoJwt()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v3/app/installations/5/access_tokens", Reply.Error(401, "A JSON web token could not be decoded"));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.CreateIssueCommentAsync(5, Answers.Repo, 1, "x", CancellationToken.None));

        Assert.Contains("A JSON web token could not be decoded", ex.Message, StringComparison.Ordinal);
        AssertNoSecrets(h, ex.ToString());
    }

    [Fact]
    public async Task ListWithQuery_ErrorNamesPathWithoutQueryString()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", $"{Answers.RepoPath}/issues", Reply.Error(410, "Issues are disabled for this repo"));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.ListIssuesAsync(5, Answers.Repo, "alice", CancellationToken.None));

        Assert.Contains($"GET {Answers.RepoPath}/issues:", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("creator", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("?", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TraceLogging_HoldsNoCredential()
    {
        var logs = new CapturedLogs();
        await using var h = await ClientHarness.StartAsync(services => services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
        h.Server.On("GET", "/api/v3/app", Reply.Error(502, "Bad Gateway"), Reply.Ok("""{"id":1,"slug":"s","name":"n"}"""));
        h.Server.On("POST", $"{Answers.RepoPath}/issues/1/comments", Reply.Error(500, "oops"), Reply.Json(201, Answers.Comment(1)));

        await h.Client.GetAppAsync(CancellationToken.None);
        await h.Client.CreateIssueCommentAsync(5, Answers.Repo, 1, "x", CancellationToken.None);

        Assert.Contains(logs.Lines, line => line.Contains("/api/v3/app", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("Authorization: *", StringComparison.Ordinal));
        AssertNoSecrets(h, string.Join("\n", logs.Lines));
    }

    private static void AssertNoSecrets(ClientHarness h, string text)
    {
        var credentials = h.Server.Requests.Select(r => r.Header("Authorization")).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(credentials);
        foreach (var credential in credentials)
        {
            var secret = credential[(credential.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret[..Math.Min(20, secret.Length)], text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("ghs_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
    }
}
