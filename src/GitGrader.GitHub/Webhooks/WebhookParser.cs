using System.Collections.Frozen;
using Octokit.Webhooks.Events;

namespace GitGrader.GitHub.Webhooks;

/// <summary>Turns a verified delivery into a <see cref="Webhook"/>, reading it with Octokit.Webhooks' event models.</summary>
public static class WebhookParser
{
    /// <summary>Parses the body of an <c>X-GitHub-Event: <paramref name="eventName"/></c> delivery.</summary>
    /// <remarks>
    /// <c>push</c>, <c>pull_request</c>, <c>check_run</c>, <c>check_suite</c>, <c>installation</c>,
    /// <c>installation_repositories</c> and <c>ping</c> are read; any other event becomes an
    /// <see cref="UnhandledWebhook"/> without its body being read, and so does an action of those events that
    /// Octokit.Webhooks does not model (its body only checked to be JSON). Hostile bodies (huge numbers, nulls,
    /// arrays for objects, nesting deeper than 64) give a <see cref="WebhookPayloadException"/>, nothing else.
    /// </remarks>
    /// <exception cref="WebhookPayloadException">Not JSON, or a member GitGrader needs is missing, or a member is of the wrong type (the message names its path).</exception>
    public static Webhook Parse(string eventName, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        if (eventName.Length == 0)
        {
            throw new WebhookPayloadException("The delivery names no event (X-GitHub-Event is empty).");
        }

        var need = new PayloadFields(eventName);
        return eventName switch
        {
            "push" => WebhookMapper.Push(OctokitPayloads.Read<PushEvent>(body, need), need),
            "pull_request" => ByAction<PullRequestEvent>(body, need, OctokitActions.PullRequest, WebhookMapper.PullRequest),
            "check_run" => ByAction<CheckRunEvent>(body, need, OctokitActions.CheckRun, WebhookMapper.CheckRun),
            "check_suite" => ByAction<CheckSuiteEvent>(body, need, OctokitActions.CheckSuite, WebhookMapper.CheckSuite),
            "installation" => ByAction<InstallationEvent>(body, need, OctokitActions.Installation, WebhookMapper.Installation),
            "installation_repositories" => ByAction<InstallationRepositoriesEvent>(body, need, OctokitActions.InstallationRepositories, WebhookMapper.InstallationRepositories),
            "ping" => WebhookMapper.Ping(OctokitPayloads.Read<PingEvent>(body, need)),
            _ => new UnhandledWebhook(eventName),
        };
    }

    private static Webhook ByAction<T>(ReadOnlySpan<byte> body, PayloadFields need, FrozenSet<string> modelled, Func<T, PayloadFields, Webhook> map)
        where T : Octokit.Webhooks.WebhookEvent
        => OctokitPayloads.ReadAction<T>(body, need, modelled, out var action) is { } read
            ? map(read, need)
            : new UnhandledWebhook(need.EventName, action);
}
