using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.State;
using GitGrader.GitHubStandIn.Webhooks;

namespace GitGrader.GitHubStandIn.Git;

/// <summary>After a push: moves open pull requests' heads at once, and queues the <c>push</c> (and <c>pull_request</c> <c>synchronize</c>) deliveries.</summary>
internal static class PushNotifier
{
    /// <summary>Updates pull requests whose head branch moved; returns each with its previous head.</summary>
    public static IReadOnlyList<(PullRequestView Pull, string Before)> MovePullRequestHeads(StandInCore core, RepoRecord repository, IReadOnlyList<RefUpdate> updates)
    {
        var moved = new List<(PullRequestView, string)>();
        foreach (var update in updates.Where(u => !u.Deleted && u.Ref.StartsWith("refs/heads/", StringComparison.Ordinal)))
        {
            var branch = update.Ref["refs/heads/".Length..];
            foreach (var pull in core.Issues.PullRequestsOf(repository).Where(p => p.State == "open" && p.HeadRef == branch && p.HeadSha != update.After))
            {
                var updated = pull with { HeadSha = update.After, UpdatedAt = core.Clock.GetUtcNow() };
                core.Issues.ReplacePullRequest(repository, updated);
                moved.Add((updated, pull.HeadSha));
            }
        }

        return moved;
    }

    /// <summary>Queues the deliveries (after <c>Dispatcher.Reserve()</c>); they are built (git log) and sent in order by the dispatcher.</summary>
    public static void Queue(
        StandInCore core,
        RepoRecord repository,
        IReadOnlyList<RefUpdate> updates,
        IReadOnlyDictionary<string, string> refsBefore,
        string pusher,
        IReadOnlyList<(PullRequestView Pull, string Before)> movedPulls)
    {
        _ = core.Dispatcher.Enqueue(new WebhookWork("push", async cancellationToken =>
        {
            var deliveries = new List<PreparedWebhook>();
            foreach (var update in updates)
            {
                var payload = await BuildPushAsync(core, repository, update, refsBefore, pusher, cancellationToken);
                deliveries.Add(WebhookDispatcher.Prepare("push", payload, builtByStandIn: true));
            }

            if (core.Options.SendPullRequestSynchronize)
            {
                var now = core.Clock.GetUtcNow();
                deliveries.AddRange(movedPulls.Select(m => WebhookDispatcher.Prepare(
                    "pull_request",
                    core.Payloads.PullRequest("synchronize", repository, repository.InstallationId, m.Pull, pusher, m.Before, now), builtByStandIn: true)));
            }

            return deliveries;
        }), reserved: true);
    }

    private static async Task<JsonObject> BuildPushAsync(StandInCore core, RepoRecord repository, RefUpdate update, IReadOnlyDictionary<string, string> refsBefore, string pusher, CancellationToken cancellationToken)
    {
        var git = core.Git;
        var (owner, name) = (repository.Owner, repository.Name);
        IReadOnlyList<CommitInfo> commits = [];
        CommitInfo? head = null;
        var forced = false;
        if (!update.Deleted)
        {
            var excluded = update.Created ? refsBefore.Values.Distinct(StringComparer.Ordinal) : [update.Before];
            commits = await git.LogAsync(owner, name, update.After, excluded, cancellationToken);
            head = (await git.LogAsync(owner, name, update.After, [], cancellationToken, max: 1)).FirstOrDefault();
            forced = !update.Created && !await git.IsAncestorAsync(owner, name, update.Before, update.After, cancellationToken);
        }

        return core.Payloads.Push(repository, repository.InstallationId, update, pusher, forced, commits, head, core.Clock.GetUtcNow());
    }
}
