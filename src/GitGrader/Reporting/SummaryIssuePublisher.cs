using GitGrader.Classroom;
using GitGrader.Core.Processes;
using GitGrader.GitHub.Rest;
using GitGrader.Ingest;
using GitGrader.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Reporting;

/// <summary>
/// Keeps one issue per assignment in the instructor repository with the roster's scores. A saved
/// result only marks the assignment's summary as changed; this service edits the issue at most
/// once per <see cref="SummaryOptions.Debounce"/>, so a deadline spike costs a handful of edits.
/// The change counter lives in the store, so a crash never loses an edit and several hosts
/// never edit the same issue at once.
/// </summary>
public sealed partial class SummaryIssuePublisher : BackgroundService
{
    private readonly ISummaryState _summaries;
    private readonly IResultStore _results;
    private readonly IGitHubClient _gitHub;
    private readonly Course _course;
    private readonly LinkedRoster _roster;
    private readonly AppIdentity _app;
    private readonly TimeProvider _time;
    private readonly SummaryOptions _options;
    private readonly ILogger<SummaryIssuePublisher> _logger;
    private readonly RosterTableRenderer _renderer = new();
    /// <summary>This process (host, pid and start time, <see cref="LocalProcess"/>), so a restart can tell its dead predecessor's claims.</summary>
    private readonly string _owner = $"{LocalProcess.Current}#summary";
    private long? _installationId;

    /// <summary>Creates the publisher.</summary>
    public SummaryIssuePublisher(ISummaryState summaries, IResultStore results, IGitHubClient gitHub, Course course, LinkedRoster roster, AppIdentity app, TimeProvider time, IOptions<SummaryOptions> options, ILogger<SummaryIssuePublisher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _summaries = summaries;
        _results = results;
        _gitHub = gitHub;
        _course = course;
        _roster = roster;
        _app = app;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Every assignment gets its issue at start, listing the roster before anyone pushes.
        foreach (var assignment in _course.Catalog.Assignments)
        {
            await _summaries.MarkSummaryDirtyAsync(assignment.Slug, stoppingToken).ConfigureAwait(false);
        }

        // A claim a dead process on this host held (serve restarted after a crash) is taken back now, not after its 2-minute lease.
        foreach (var (assignment, owner) in await _summaries.ListSummaryClaimsAsync(stoppingToken).ConfigureAwait(false))
        {
            if (owner != _owner && ReservedCreation.IsDead(owner))
            {
                LogTakenBack(_logger, assignment, owner);
                await _summaries.ReleaseSummaryAsync(assignment, owner, stoppingToken).ConfigureAwait(false);
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await PublishOneAsync(stoppingToken).ConfigureAwait(false))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(_logger, ex.Message, ex);
            }

            await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Publishes one due summary; false when none is due.</summary>
    public async Task<bool> PublishOneAsync(CancellationToken cancellationToken)
    {
        var claim = await _summaries.ClaimDueSummaryAsync(_owner, _options.Debounce, TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            return false;
        }

        try
        {
            if (_course.Catalog.Find(claim.Assignment) is not { } assignment)
            {
                // An assignment removed from the folder: leave its issue as it was.
                await _summaries.CompleteSummaryAsync(claim.Assignment, _owner, claim.IssueNumber ?? 0, claim.Version, cancellationToken).ConfigureAwait(false);
                return true;
            }

            var scores = await _results.GetStudentScoresAsync(assignment.Slug, cancellationToken).ConfigureAwait(false);
            var title = RosterTableRenderer.Title(assignment);
            var roster = await _roster.CurrentAsync(cancellationToken).ConfigureAwait(false);
            var body = _renderer.Render(assignment, roster, scores, _course.GitBaseUrl, _time.GetUtcNow(), _course.Deadlines, _course.ClassroomPoints.For(assignment));
            var installation = _installationId ??= await _gitHub.GetRepositoryInstallationIdAsync(_course.InstructorRepository, cancellationToken).ConfigureAwait(false);
            var number = claim.IssueNumber ?? await FindIssueAsync(installation, assignment.Slug, cancellationToken).ConfigureAwait(false);
            if (number is { } existing)
            {
                await _gitHub.UpdateIssueAsync(installation, _course.InstructorRepository, existing, title, body, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                number = (await _gitHub.CreateIssueAsync(installation, _course.InstructorRepository, title, body, cancellationToken).ConfigureAwait(false)).Number;
            }

            await _summaries.CompleteSummaryAsync(assignment.Slug, _owner, number.Value, claim.Version, cancellationToken).ConfigureAwait(false);
            LogPublished(_logger, assignment.Slug, _course.InstructorRepository.FullName, number.Value, scores.Count);
            return true;
        }
        catch
        {
            await _summaries.ReleaseSummaryAsync(claim.Assignment, _owner, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<int?> FindIssueAsync(long installation, string assignment, CancellationToken cancellationToken)
    {
        // An issue created before a crash that kept its number from being stored.
        var creator = await _app.ResolveAsync(cancellationToken).ConfigureAwait(false) is { } slug ? slug + "[bot]" : null;
        var issues = await _gitHub.ListIssuesAsync(installation, _course.InstructorRepository, creator, cancellationToken).ConfigureAwait(false);
        var marker = RosterTableRenderer.Marker(assignment);
        return issues.FirstOrDefault(i => i.Body?.StartsWith(marker, StringComparison.Ordinal) == true)?.Number;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary of {Assignment} published to {Repository}#{Number} ({Students} students with submissions)")]
    private static partial void LogPublished(ILogger logger, string assignment, string repository, int number, int students);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Summary issue update failed, will retry: {Error}")]
    private static partial void LogFailed(ILogger logger, string error, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Taking back the summary of {Assignment} from {Owner}, a process on this host that is gone")]
    private static partial void LogTakenBack(ILogger logger, string assignment, string owner);
}
