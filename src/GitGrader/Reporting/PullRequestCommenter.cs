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
/// storing), edited in place on every push; never a second comment. In-process upserts to the same
/// pull request (the grade job of a commit and the report job of a pull request opened meanwhile) take turns.
/// </summary>
public sealed partial class PullRequestCommenter
{
    private readonly IGitHubClient _gitHub;
    private readonly IGradingStore _store;
    private readonly MarkdownReportRenderer _renderer = new();
    private readonly AppIdentity _app;
    private readonly ILogger<PullRequestCommenter> _logger;

    // Striped, never removed: two upserts to one pull request always meet at the same gate.
    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Creates the commenter.</summary>
    public PullRequestCommenter(IGitHubClient gitHub, IGradingStore store, AppIdentity app, ILogger<PullRequestCommenter> logger)
    {
        _gitHub = gitHub;
        _store = store;
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
                var commentId = await FindAsync(submission, repository, pull.Number, marker, cancellationToken).ConfigureAwait(false);
                if (commentId is { } id)
                {
                    await _gitHub.UpdateIssueCommentAsync(submission.InstallationId, repository, id, body, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    id = (await _gitHub.CreateIssueCommentAsync(submission.InstallationId, repository, pull.Number, body, cancellationToken).ConfigureAwait(false)).Id;
                }

                await _store.SavePullRequestCommentAsync(submission.Repository, pull.Number, id, cancellationToken).ConfigureAwait(false);
                LogCommented(_logger, submission.Repository, pull.Number, id);
            }
            finally
            {
                gate.Release();
            }
        }
    }

    private async Task<long?> FindAsync(SubmissionRecord submission, RepositoryRef repository, int number, string marker, CancellationToken cancellationToken)
    {
        if (await _store.GetPullRequestCommentAsync(submission.Repository, number, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return stored;
        }

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
