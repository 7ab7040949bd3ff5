using System.Text;

namespace GitGrader.GitHubStandIn;

/// <summary>Inspection: what GitGrader did, and waiting for it.</summary>
public sealed partial class GitHubStandIn
{
    /// <summary>Every check run, oldest first.</summary>
    public IReadOnlyList<CheckRunView> CheckRuns => _core.CheckRuns.All();

    /// <summary>Every issue (pull requests excluded), oldest first.</summary>
    public IReadOnlyList<IssueView> Issues => _core.Issues.AllIssues();

    /// <summary>Every issue and pull request comment, oldest first.</summary>
    public IReadOnlyList<CommentView> Comments => _core.Issues.AllComments();

    /// <summary>Every pull request, oldest first.</summary>
    public IReadOnlyList<PullRequestView> PullRequests => _core.Issues.AllPullRequests();

    /// <summary>Every HTTP request received (REST and git), in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _core.Journal.Requests();

    /// <summary>Requests GitHub would have refused: not in its OpenAPI description, not matching it, or against its rules.</summary>
    public IReadOnlyList<ApiViolation> Violations => _core.Journal.Violations();

    /// <summary>Every webhook delivery attempt, in order.</summary>
    public IReadOnlyList<WebhookDeliveryView> Deliveries => _core.Journal.Deliveries();

    /// <summary>Throws a <see cref="StandInViolationException"/> listing every violation (method, path, errors), if any.</summary>
    public void AssertNoViolations()
    {
        var violations = Violations;
        if (violations.Count > 0)
        {
            throw new StandInViolationException(violations);
        }
    }

    /// <summary>Waits for a check run matching <paramref name="predicate"/> (newest first); on timeout the message lists every run.</summary>
    public Task<CheckRunView> WaitForCheckRunAsync(Func<CheckRunView, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(() => CheckRuns.Reverse().FirstOrDefault(predicate), "check run", () => CheckRuns, timeout, cancellationToken);

    /// <summary>Waits for a comment matching <paramref name="predicate"/> (newest first).</summary>
    public Task<CommentView> WaitForCommentAsync(Func<CommentView, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(() => Comments.Reverse().FirstOrDefault(predicate), "comment", () => Comments, timeout, cancellationToken);

    /// <summary>Waits for an issue matching <paramref name="predicate"/> (newest first).</summary>
    public Task<IssueView> WaitForIssueAsync(Func<IssueView, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(() => Issues.Reverse().FirstOrDefault(predicate), "issue", () => Issues, timeout, cancellationToken);

    /// <summary>Waits for a webhook delivery attempt matching <paramref name="predicate"/> (newest first).</summary>
    public Task<WebhookDeliveryView> WaitForDeliveryAsync(Func<WebhookDeliveryView, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(() => Deliveries.Reverse().FirstOrDefault(predicate), "webhook delivery", () => Deliveries, timeout, cancellationToken);

    /// <summary>Waits for a request matching <paramref name="predicate"/> (newest first).</summary>
    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(() => Requests.Reverse().FirstOrDefault(predicate), "request", () => Requests, timeout, cancellationToken);

    /// <summary>Waits until every queued webhook delivery has been attempted.</summary>
    public async Task WaitForWebhooksIdleAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await _core.Changed.WaitForAsync(
            () => _core.Dispatcher.Pending == 0 ? string.Empty : null,
            timeout,
            () => $"{_core.Dispatcher.Pending} webhook work item(s) still queued. {Describe("webhook delivery", Deliveries)}",
            cancellationToken);

    private Task<T> WaitAsync<T>(Func<T?> probe, string what, Func<IEnumerable<object>> existing, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class =>
        _core.Changed.WaitForAsync(probe, timeout, () => $"No {what} matched. {Describe(what, existing())}", cancellationToken);

    private string Describe(string what, IEnumerable<object> items)
    {
        var text = new StringBuilder();
        var list = items.ToList();
        text.Append(list.Count == 0 ? $"There are no {what}s." : $"The {what}s are:");
        foreach (var item in list.TakeLast(50))
        {
            text.AppendLine().Append("  - ").Append(item);
        }

        var violations = Violations;
        if (violations.Count > 0)
        {
            text.AppendLine().Append(violations.Count).Append(" violation(s) so far:");
            foreach (var violation in violations.TakeLast(10))
            {
                text.AppendLine().Append("  - ").Append(violation);
            }
        }

        return text.ToString();
    }
}
