using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Tests.Support;

namespace GitGrader.GitHub.Tests.Rest;

/// <summary><c>GET /repos/{o}/{r}/activity</c>, asked conditionally: an unchanged answer is a 304 read from the last full one.</summary>
public sealed class GitHubClientActivityTests
{
    private const string Path = "/api/v3/repos/cs101/hw1-ada/activity?per_page=30";
    private static readonly RepositoryRef Repository = new("cs101", "hw1-ada");

    private static string Activity(long id, string after, string at, string type = "push", string? actor = "ada") =>
        $$"""{"id":{{id}},"node_id":"RA_{{id}}","before":"{{new string('1', 40)}}","after":"{{after}}","ref":"refs/heads/main","timestamp":"{{at}}","activity_type":"{{type}}","actor":{{(actor is null ? "null" : $$"""{"login":"{{actor}}","id":1}""")}}}""";

    [Fact]
    public async Task A_304_is_answered_from_the_last_full_answer_and_the_next_change_is_read_in_full()
    {
        await using var h = await ClientHarness.StartAsync();
        var a = new string('a', 40);
        var b = new string('b', 40);
        h.Server.On("GET", Path,
            Reply.Ok($"[{Activity(2, a, "2026-12-01T10:02:00Z")},{Activity(1, b, "2026-12-01T10:01:00Z", "branch_creation", actor: null)}]", ("ETag", "W/\"v1\"")),
            new Reply(304, null, new Dictionary<string, string> { ["ETag"] = "W/\"v1\"", ["X-RateLimit-Remaining"] = "4999" }),
            Reply.Ok($"[{Activity(3, b, "2026-12-01T10:05:00Z")}]", ("ETag", "W/\"v2\"")),
            new Reply(304, null, new Dictionary<string, string> { ["ETag"] = "W/\"v2\"" }));

        var first = await h.Client.ListRecentPushesAsync(5, Repository, 30, CancellationToken.None);
        var unchanged = await h.Client.ListRecentPushesAsync(5, Repository, 30, CancellationToken.None);
        var changed = await h.Client.ListRecentPushesAsync(5, Repository, 30, CancellationToken.None);
        var unchangedAgain = await h.Client.ListRecentPushesAsync(5, Repository, 30, CancellationToken.None);

        Assert.Equal(
            [
                new RepositoryPush(2, "refs/heads/main", new string('1', 40), a, new DateTimeOffset(2026, 12, 1, 10, 2, 0, TimeSpan.Zero), "push", "ada"),
                new RepositoryPush(1, "refs/heads/main", new string('1', 40), b, new DateTimeOffset(2026, 12, 1, 10, 1, 0, TimeSpan.Zero), "branch_creation", null),
            ],
            first);
        Assert.Equal(first, unchanged);
        Assert.Equal([3L], changed.Select(p => p.Id));
        Assert.Equal(changed, unchangedAgain);
        var asked = h.Server.RequestsOtherThanTokens;
        Assert.Equal([null, "W/\"v1\"", "W/\"v1\"", "W/\"v2\""], asked.Select(r => r.Header("If-None-Match")));
    }

    [Fact]
    public async Task An_activity_without_a_ref_says_what_is_missing()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", Path, Reply.Ok("""[{"id":4,"before":"x","after":"y","timestamp":"2026-12-01T10:03:00Z","activity_type":"push"}]"""));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.ListRecentPushesAsync(5, Repository, 30, CancellationToken.None));

        Assert.Equal("GET /api/v3/repos/cs101/hw1-ada/activity answered an activity without 'ref'.", error.Message);
    }

    [Fact]
    public void A_deletion_leaves_no_head()
    {
        Assert.False(new RepositoryPush(1, "refs/heads/x", "a", new string('0', 40), DateTimeOffset.UnixEpoch, "branch_deletion", "ada").LeavesAHead);
        Assert.True(new RepositoryPush(1, "refs/heads/x", "a", "b", DateTimeOffset.UnixEpoch, "force_push", "ada").LeavesAHead);
    }
}
