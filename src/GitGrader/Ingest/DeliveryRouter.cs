using GitGrader.Classroom;
using GitGrader.GitHub.Webhooks;
using GitGrader.Storage;
using Microsoft.Extensions.Options;

namespace GitGrader.Ingest;

/// <summary>
/// Decides what a verified delivery means: a push or pull request on a student repository is a
/// submission; a re-run of one of our check runs regrades; everything else is acknowledged and ignored.
/// </summary>
public sealed class DeliveryRouter
{
    private static readonly HashSet<string> GradedPullRequestActions = new(StringComparer.Ordinal) { "opened", "synchronize", "reopened" };

    private readonly AssignmentCatalog _catalog;
    private readonly AppIdentity _app;
    private readonly IJobQueue _store;
    private readonly HashSet<string> _branches;

    /// <summary>Creates the router.</summary>
    public DeliveryRouter(AssignmentCatalog catalog, AppIdentity app, IJobQueue store, IOptions<ClassroomOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _app = app;
        _store = store;
        _branches = new HashSet<string>(options.Value.Branches, StringComparer.Ordinal);
    }

    /// <summary>What to record for <paramref name="webhook"/>, received at <paramref name="receivedAt"/>.</summary>
    public async Task<RouteDecision> RouteAsync(Webhook webhook, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return webhook switch
        {
            PushWebhook push => RoutePush(push, receivedAt),
            PullRequestWebhook pull => await RoutePullRequestAsync(pull, receivedAt, cancellationToken).ConfigureAwait(false),
            CheckRunWebhook run when run.Action == "rerequested" => RouteRerun(run.Repository, run.HeadSha, run.AppId, run.InstallationId),
            CheckSuiteWebhook suite when suite.Action == "rerequested" => RouteRerun(suite.Repository, suite.HeadSha, suite.AppId, suite.InstallationId),
            CheckRunWebhook or CheckSuiteWebhook => RouteDecision.Ignore("not a re-run request"),
            PingWebhook => RouteDecision.Ignore("ping"),
            InstallationWebhook installation => RouteDecision.Ignore($"installation {installation.Action} on {installation.AccountLogin}"),
            InstallationRepositoriesWebhook repositories => RouteDecision.Ignore($"repositories {repositories.Action} on {repositories.AccountLogin}"),
            UnhandledWebhook { Action: { } action } => RouteDecision.Ignore($"{webhook.EventName} action '{action}' is not used"),
            _ => RouteDecision.Ignore($"event '{webhook.EventName}' is not used"),
        };
    }

    private RouteDecision RoutePush(PushWebhook push, DateTimeOffset receivedAt)
    {
        if (push.Deleted || push.After.All(c => c == '0'))
        {
            return RouteDecision.Ignore("the push deleted a branch");
        }

        if (push.Branch is not { } branch)
        {
            return RouteDecision.Ignore($"'{push.Ref}' is not a branch");
        }

        if (_app.IsSelf(push.SenderLogin))
        {
            return RouteDecision.Ignore("pushed by GitGrader itself");
        }

        if (!IsGraded(branch))
        {
            return RouteDecision.Ignore($"branch '{branch}' is not graded");
        }

        return Submission(push.Repository, push.InstallationId, branch, push.After, receivedAt) is { } submission
            ? new RouteDecision(submission, SupersedesOlder: true, null, $"push to {branch}")
            : RouteDecision.Ignore($"{push.Repository.Ref} is not a student repository of this course");
    }

    private async Task<RouteDecision> RoutePullRequestAsync(PullRequestWebhook pull, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (!GradedPullRequestActions.Contains(pull.Action))
        {
            return RouteDecision.Ignore($"pull request {pull.Action}");
        }

        // The filter is on the commit's branch, however it is announced: a pull request from a branch
        // whose pushes are not graded must not get its head graded either.
        if (!IsGraded(pull.HeadRef))
        {
            return RouteDecision.Ignore($"branch '{pull.HeadRef}' is not graded");
        }

        if (Submission(pull.Repository, pull.InstallationId, pull.HeadRef, pull.HeadSha, receivedAt) is not { } submission)
        {
            return RouteDecision.Ignore($"{pull.Repository.Ref} is not a student repository of this course");
        }

        // The push of the same commit usually arrives too: a commit already recorded is only
        // reported again (to the new pull request), never graded twice.
        var existing = await _store.FindSubmissionAsync(submission.Repository, submission.Sha, submission.Assignment, cancellationToken).ConfigureAwait(false);
        return existing is null
            ? new RouteDecision(submission, SupersedesOlder: false, null, $"pull request #{pull.Number} {pull.Action}")
            : new RouteDecision(null, false, new ExistingSubmissionJob(existing.Repository, existing.Sha, existing.Assignment, JobKind.Report), $"pull request #{pull.Number} {pull.Action}, commit already recorded");
    }

    private RouteDecision RouteRerun(WebhookRepository repository, string sha, long? appId, long? installationId)
    {
        if (appId is { } id && id != _app.AppId)
        {
            return RouteDecision.Ignore("another App's check");
        }

        var student = _catalog.Map(repository.Owner, repository.Name);
        return student is null || installationId is null
            ? RouteDecision.Ignore($"{repository.Ref} is not a student repository of this course")
            : new RouteDecision(null, false, new ExistingSubmissionJob(repository.Ref.FullName, sha, student.Assignment.Slug, JobKind.Grade), "re-run requested");
    }

    private bool IsGraded(string branch) => _branches.Count == 0 || _branches.Contains(branch);

    private NewSubmission? Submission(WebhookRepository repository, long? installationId, string? branch, string sha, DateTimeOffset receivedAt)
    {
        var student = _catalog.Map(repository.Owner, repository.Name);
        if (student is null || installationId is not { } installation)
        {
            return null;
        }

        return new NewSubmission
        {
            Assignment = student.Assignment.Slug,
            Student = student.Student,
            Repository = repository.Ref.FullName,
            InstallationId = installation,
            Branch = branch,
            Sha = sha,
            ReceivedAt = receivedAt,
        };
    }
}
