using System.Net;
using GitGrader.Core.Reports;
using GitGrader.GitHub;
using GitGrader.GitHub.Rest;
using GitGrader.Ingest;
using GitGrader.Storage;
using Microsoft.Extensions.Logging;

namespace GitGrader.Reporting;

/// <summary>
/// Keeps one comment per open pull request holding the commit: found by the id GitGrader stored,
/// or by the hidden marker on its first line (a retry after a crash between creating and
/// storing), edited in place on every push; never a second comment, across every process sharing the store
/// (its creation is reserved there). In-process upserts to the same pull request (the grade job of a commit
/// and the report job of a pull request opened meanwhile) take turns before they ask the store.
/// </summary>
public sealed partial class PullRequestCommenter
{
    private readonly IGitHubClient _gitHub;
    private readonly IReportingState _store;
    private readonly ReservedCreation _creation;
    private readonly MarkdownReportRenderer _renderer = new();
    private readonly AppIdentity _app;
    private readonly ILogger<PullRequestCommenter> _logger;

    // Striped, never removed: two upserts to one pull request always meet at the same gate.
    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Creates the commenter.</summary>
    public PullRequestCommenter(IGitHubClient gitHub, IReportingState store, ReservedCreation creation, AppIdentity app, ILogger<PullRequestCommenter> logger)
    {
        _gitHub = gitHub;
        _store = store;
        _creation = creation;
        _app = app;
        _logger = logger;
    }

    /// <summary>The marker of the comment on pull request <paramref name="number"/>.</summary>
    public static string Marker(string assignment, int number) => $"feedback:{assignment}:pr-{number}";

    /// <summary>Upserts the comment on every open pull request whose head is <paramref name="submission"/>'s commit.</summary>
    public async Task UpsertAsync(SubmissionRecord submission, GradeReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var repository = RepositoryRef.Parse(submission.Repository);
        var pulls = await _gitHub.ListPullRequestsForCommitAsync(submission.InstallationId, repository, submission.Sha, cancellationToken).ConfigureAwait(false);
        foreach (var pull in pulls.Where(p => p.State == "open" && p.HeadSha == submission.Sha))
        {
            var marker = Marker(submission.Assignment, pull.Number);
            var body = _renderer.Render(report, marker);
            var gate = _gates[(uint)HashCode.Combine(submission.Repository, pull.Number) % (uint)_gates.Length];
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another process may be creating this comment now: the store lets one create it, the rest wait and edit it.
                var createdWithBody = false;
                var id = (await _creation.GetOrCreateAsync(
                    (holder, replacing, ct) => _store.ReservePullRequestCommentAsync(submission.Repository, pull.Number, holder, ReservedCreation.Hold, replacing, ct),
                    (holder, ct) => _store.ReleasePullRequestCommentAsync(submission.Repository, pull.Number, holder, ct),
                    async ct =>
                    {
                        var (created, isNew) = await FindOrCreateAsync(submission, repository, pull.Number, marker, body, ct).ConfigureAwait(false);
                        createdWithBody = isNew;
                        return (long?)created;
                    },
                    wait: true,
                    cancellationToken).ConfigureAwait(false))!.Value;
                if (!createdWithBody)
                {
                    await _gitHub.UpdateIssueCommentAsync(submission.InstallationId, repository, id, body, cancellationToken).ConfigureAwait(false);
                }

                LogCommented(_logger, submission.Repository, pull.Number, id);
            }
            finally
            {
                gate.Release();
            }
        }
    }

    /// <summary>
    /// Under the reservation: the comment a holder that crashed before storing it left (found by its marker), or a
    /// new one with <paramref name="body"/> (<c>IsNew</c>); stored either way.
    /// </summary>
    private async Task<(long Id, bool IsNew)> FindOrCreateAsync(SubmissionRecord submission, RepositoryRef repository, int number, string marker, string body, CancellationToken cancellationToken)
    {
        var found = await FindByMarkerAsync(submission, repository, number, marker, cancellationToken).ConfigureAwait(false);
        var id = found ?? (await _gitHub.CreateIssueCommentAsync(submission.InstallationId, repository, number, body, cancellationToken).ConfigureAwait(false)).Id;
        await _store.SavePullRequestCommentAsync(submission.Repository, number, id, cancellationToken).ConfigureAwait(false);
        return (id, found is null);
    }

    private async Task<long?> FindByMarkerAsync(SubmissionRecord submission, RepositoryRef repository, int number, string marker, CancellationToken cancellationToken)
    {
        var line = $"<!-- gitgrader:{marker} -->";
        try
        {
            var comments = await _gitHub.ListIssueCommentsAsync(submission.InstallationId, repository, number, cancellationToken).ConfigureAwait(false);
            // Only our own comment counts: a student can paste the marker into a comment of theirs.
            return comments.FirstOrDefault(c => c.Body.StartsWith(line, StringComparison.Ordinal) && _app.IsSelf(c.UserLogin))?.Id;
        }
        catch (GitHubApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback comment {CommentId} on {Repository}#{Number} is up to date")]
    private static partial void LogCommented(ILogger logger, string repository, int number, long commentId);
}
