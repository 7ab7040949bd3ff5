using GitGrader.GitHub;
using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.Api;
using GitGrader.GitHubStandIn.Webhooks;

namespace GitGrader.GitHubStandIn;

/// <summary>Webhooks a test triggers: any payload, redeliveries, pull requests, re-run requests, forged posts.</summary>
public sealed partial class GitHubStandIn
{
    /// <summary>A fresh copy of a real example payload from <c>@octokit/webhooks-examples</c> (github.com URLs, example facts).</summary>
    public JsonObject ExamplePayload(string eventName, string? action = null) => _core.Examples.Get(eventName, action);

    /// <summary>Sends <paramref name="payload"/> as <paramref name="eventName"/>, signed, after any deliveries already queued; returns the attempt.</summary>
    public async Task<WebhookDeliveryView> SendWebhookAsync(string eventName, JsonNode payload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ArgumentNullException.ThrowIfNull(payload);
        var prepared = WebhookDispatcher.Prepare(eventName, payload);
        return await SendAsync(eventName, _ => Task.FromResult<IReadOnlyList<PreparedWebhook>>([prepared]), cancellationToken);
    }

    /// <summary>Sends an earlier delivery again with the same <c>X-GitHub-Delivery</c> and the same body, as GitHub's "Redeliver" does.</summary>
    public async Task<WebhookDeliveryView> RedeliverAsync(Guid deliveryId, CancellationToken cancellationToken = default)
    {
        var original = Deliveries.FirstOrDefault(d => d.Id == deliveryId && !d.Body.IsEmpty)
            ?? throw new ArgumentException($"No delivery {deliveryId}. {Describe("webhook delivery", Deliveries)}", nameof(deliveryId));
        var prepared = new PreparedWebhook(original.Id, original.Event, original.Action, original.Body.ToArray(), IsRedelivery: true);
        return await SendAsync(original.Event, _ => Task.FromResult<IReadOnlyList<PreparedWebhook>>([prepared]), cancellationToken);
    }

    /// <summary>
    /// Opens a pull request in <paramref name="repository"/> from <paramref name="headBranch"/> into <paramref name="baseBranch"/>
    /// and sends <c>pull_request</c> <c>opened</c>; returns its number.
    /// </summary>
    public Task<int> OpenPullRequestAsync(RepositoryRef repository, string headBranch, string baseBranch, string? authorLogin = null, string? title = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return OpenPullRequestAsync(repository.Owner, repository.Name, headBranch, baseBranch, authorLogin, title, cancellationToken);
    }

    /// <summary>
    /// Opens a pull request from <paramref name="headBranch"/> into <paramref name="baseBranch"/> (both must exist) and
    /// sends <c>pull_request</c> <c>opened</c>; returns its number (shared with issues). The author defaults to the owner.
    /// </summary>
    public async Task<int> OpenPullRequestAsync(string owner, string name, string headBranch, string baseBranch, string? authorLogin = null, string? title = null, CancellationToken cancellationToken = default)
    {
        var repository = _core.Repositories.Get(owner, name);
        var headSha = await _core.Git.ResolveCommitAsync(repository.Owner, repository.Name, "refs/heads/" + headBranch, cancellationToken)
            ?? throw new ArgumentException($"{repository.FullName} has no branch '{headBranch}'.", nameof(headBranch));
        var baseSha = await _core.Git.ResolveCommitAsync(repository.Owner, repository.Name, "refs/heads/" + baseBranch, cancellationToken)
            ?? throw new ArgumentException($"{repository.FullName} has no branch '{baseBranch}'.", nameof(baseBranch));
        var author = authorLogin ?? repository.Owner;
        var pull = _core.Issues.OpenPullRequest(repository, title ?? $"Merge {headBranch} into {baseBranch}", headBranch, headSha, baseBranch, baseSha, author, _core.Clock.GetUtcNow());
        await SendAsync(
            "pull_request",
            _ => Task.FromResult<IReadOnlyList<PreparedWebhook>>(
                [WebhookDispatcher.Prepare("pull_request", _core.Payloads.PullRequest("opened", repository, repository.InstallationId, pull, author, null, _core.Clock.GetUtcNow()), builtByStandIn: true)]),
            cancellationToken);
        return pull.Number;
    }

    /// <summary>Closes (or merges) a pull request and sends <c>pull_request</c> <c>closed</c>.</summary>
    public async Task<WebhookDeliveryView> ClosePullRequestAsync(string owner, string name, int number, bool merged = false, CancellationToken cancellationToken = default)
    {
        var repository = _core.Repositories.Get(owner, name);
        var pull = _core.Issues.FindPullRequest(repository, number) ?? throw new ArgumentException($"{repository.FullName} has no pull request #{number}.", nameof(number));
        var now = _core.Clock.GetUtcNow();
        var closed = pull with { State = "closed", Merged = merged, ClosedAt = now, UpdatedAt = now };
        _core.Issues.ReplacePullRequest(repository, closed);
        return await SendAsync(
            "pull_request",
            _ => Task.FromResult<IReadOnlyList<PreparedWebhook>>(
                [WebhookDispatcher.Prepare("pull_request", _core.Payloads.PullRequest("closed", repository, repository.InstallationId, closed, closed.AuthorLogin, null, now), builtByStandIn: true)]),
            cancellationToken);
    }

    /// <summary>Sends <c>check_run</c> <c>rerequested</c> for one of the App's runs, as when someone clicks "Re-run"; the sender defaults to the owner.</summary>
    public async Task<WebhookDeliveryView> RerequestCheckRunAsync(long checkRunId, string? requestedBy = null, CancellationToken cancellationToken = default)
    {
        var run = _core.CheckRuns.Find(checkRunId) ?? throw new ArgumentException($"No check run {checkRunId}. {Describe("check run", CheckRuns)}", nameof(checkRunId));
        var repository = _core.Repositories.Get(run.Repository.Owner, run.Repository.Name);
        return await SendAsync(
            "check_run",
            async token =>
            {
                var refs = await _core.Git.ReadRefsAsync(repository.Owner, repository.Name, token);
                var branch = refs.Where(r => r.Value == run.HeadSha && r.Key.StartsWith("refs/heads/", StringComparison.Ordinal))
                    .Select(r => r.Key["refs/heads/".Length..])
                    .OrderBy(b => b == repository.DefaultBranch ? 1 : 0)
                    .FirstOrDefault();
                var pulls = CheckRunEndpoints.PullsOf(_core, repository, _core.Issues.PullRequestsOf(repository), run);
                var payload = _core.Payloads.CheckRun("rerequested", repository, repository.InstallationId, run, branch, pulls, requestedBy ?? repository.Owner, _core.AppCreatedAt, _core.Clock.GetUtcNow());
                return [WebhookDispatcher.Prepare("check_run", payload, builtByStandIn: true)];
            },
            cancellationToken);
    }

    /// <summary>
    /// Posts <paramref name="body"/> to <see cref="WebhookUrl"/> with exactly <paramref name="headers"/> (nothing added,
    /// nothing signed, not recorded) — for forged, unsigned or oversize deliveries. Returns the receiver's HTTP status.
    /// </summary>
    public async Task<int> PostRawWebhookAsync(byte[] body, IDictionary<string, string> headers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(headers);
        return (int)await _core.Dispatcher.PostRawAsync(body, headers, cancellationToken);
    }

    private async Task<WebhookDeliveryView> SendAsync(string eventName, Func<CancellationToken, Task<IReadOnlyList<PreparedWebhook>>> prepare, CancellationToken cancellationToken)
    {
        var attempts = await _core.Dispatcher.Enqueue(new WebhookWork(eventName, prepare)).WaitAsync(cancellationToken);
        return attempts[^1];
    }
}
