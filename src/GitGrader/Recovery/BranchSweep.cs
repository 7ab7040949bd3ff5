using System.Collections.Concurrent;
using System.Net;
using GitGrader.Classroom;
using GitGrader.GitHub;
using GitGrader.GitHub.Rest;
using GitGrader.Ingest;
using GitGrader.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Recovery;

/// <summary>
/// Grades the branch heads whose push GitHub never delivered at all, so there is nothing in its delivery log to ask for
/// again (a delivery outage of GitHub's own; a push older than the log's three days). For each student repository (those
/// the store has submissions of, and the roster's students' <c>{org}/{slug}-{login}</c> for every assignment) it reads
/// the newest pushes from the repository's activity, conditionally (unchanged since the last sweep: a 304, free of the
/// rate limit), and queues the newest head of each graded branch, pushed at least <see cref="RecoveryOptions.SweepGrace"/>
/// ago, that the store has no submission of, with the time
/// GitHub recorded for the push, marked recovered. Idempotent: a head is queued once, however often it is swept.
/// </summary>
public sealed partial class BranchSweep
{
    private const int PushesPerRepository = 30;
    // A roster student's repository that does not exist (not accepted yet) is asked for again a day later: a course of
    // 1,000 students and 5 assignments spends at most 5,000 requests a day on them, under GitHub's 5,000 an hour.
    private static readonly TimeSpan AbsentFor = TimeSpan.FromDays(1);

    private readonly IGitHubClient _gitHub;
    private readonly IDeliveryLog _log;
    private readonly IJobQueue _queue;
    private readonly Course _course;
    private readonly LinkedRoster _roster;
    private readonly AppIdentity _app;
    private readonly WorkSignal _signal;
    private readonly TimeProvider _time;
    private readonly RecoveryOptions _options;
    private readonly HashSet<string> _branches;
    private readonly string _organization;
    private readonly ILogger<BranchSweep> _logger;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _absent = new(StringComparer.OrdinalIgnoreCase);
    private int _next;

    /// <summary>Creates the sweep.</summary>
    public BranchSweep(
        IGitHubClient gitHub,
        IDeliveryLog log,
        IJobQueue queue,
        Course course,
        LinkedRoster roster,
        AppIdentity app,
        WorkSignal signal,
        TimeProvider time,
        IOptions<RecoveryOptions> options,
        IOptions<ClassroomOptions> classroom,
        ILogger<BranchSweep> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(classroom);
        _gitHub = gitHub;
        _log = log;
        _queue = queue;
        _course = course;
        _roster = roster;
        _app = app;
        _signal = signal;
        _time = time;
        _options = options.Value;
        _branches = new HashSet<string>(classroom.Value.Branches, StringComparer.Ordinal);
        _organization = classroom.Value.Organization;
        _logger = logger;
    }

    /// <summary>One sweep of up to <see cref="RecoveryOptions.SweepMaxRepositories"/> repositories, in turn; returns what it did.</summary>
    public async Task<SweepOutcome> SweepAsync(CancellationToken cancellationToken)
    {
        var all = await TargetsAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        foreach (var (name, until) in _absent)
        {
            if (until <= now)
            {
                _absent.TryRemove(name, out _);
            }
        }

        var present = all.Where(t => !_absent.ContainsKey(t.Repository)).ToList();
        var count = Math.Min(present.Count, _options.SweepMaxRepositories);
        var start = present.Count == 0 ? 0 : _next % present.Count;
        var turn = present.Skip(start).Concat(present.Take(start)).Take(count).ToList();
        _next = start + count;

        var queued = 0;
        var failed = 0;
        await Parallel.ForEachAsync(turn, new ParallelOptions { MaxDegreeOfParallelism = _options.SweepConcurrency, CancellationToken = cancellationToken }, async (target, token) =>
        {
            try
            {
                Interlocked.Add(ref queued, await SweepRepositoryAsync(target, token).ConfigureAwait(false));
            }
            catch (GitHubApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                // No such repository (a roster student who has not accepted yet), or not one the App was given: asked again a day later.
                _absent[target.Repository] = _time.GetUtcNow() + AbsentFor;
            }
            catch (Exception ex) when (ex is GitHubApiException or GradingStoreException or HttpRequestException)
            {
                Interlocked.Increment(ref failed);
                LogRepositoryFailed(_logger, target.Repository, ex.Message, ex);
            }
        }).ConfigureAwait(false);

        var outcome = new SweepOutcome(turn.Count, queued, failed);
        if (queued > 0)
        {
            _signal.JobQueued();
        }

        LogSwept(_logger, outcome.Repositories, all.Count, outcome.Queued, outcome.Failed);
        return outcome;
    }

    private async Task<int> SweepRepositoryAsync(SweepTarget target, CancellationToken cancellationToken)
    {
        var repository = RepositoryRef.Parse(target.Repository);
        var installation = target.InstallationId ?? await _gitHub.GetRepositoryInstallationIdAsync(repository, cancellationToken).ConfigureAwait(false);
        var pushes = await _gitHub.ListRecentPushesAsync(installation, repository, PushesPerRepository, cancellationToken).ConfigureAwait(false);
        var queued = 0;
        var settled = _time.GetUtcNow() - _options.SweepGrace;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var push in pushes.OrderByDescending(p => p.PushedAt).ThenByDescending(p => p.Id))
        {
            // The newest push of each branch is its head; older ones were superseded on GitHub too.
            if (!push.Ref.StartsWith("refs/heads/", StringComparison.Ordinal) || !seen.Add(push.Ref))
            {
                continue;
            }

            var branch = push.Ref["refs/heads/".Length..];
            if (push.PushedAt > settled || !push.LeavesAHead || _app.IsSelf(push.Actor) || (_branches.Count > 0 && !_branches.Contains(branch)))
            {
                continue;
            }

            if (await _queue.FindSubmissionAsync(target.Repository, push.After, target.Assignment, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            var outcome = await _queue.IngestAsync(new IngestRequest
            {
                // One delivery id per head: a second sweep, or a second process sweeping, records nothing twice.
                Delivery = new IncomingDelivery($"sweep:{target.Repository}@{push.After}", "push", _time.GetUtcNow()),
                Submission = new NewSubmission
                {
                    Assignment = target.Assignment,
                    Student = target.Student,
                    Repository = target.Repository,
                    InstallationId = installation,
                    Branch = branch,
                    Sha = push.After,
                    ReceivedAt = push.PushedAt,
                    Recovered = true,
                },
                SupersedesOlder = true,
            }, cancellationToken).ConfigureAwait(false);
            if (outcome.JobId is not null)
            {
                queued++;
                LogQueued(_logger, target.Repository, branch, push.After[..Math.Min(7, push.After.Length)], push.PushedAt);
            }
        }

        return queued;
    }

    /// <summary>The store's known repositories, then every roster student's repository of every assignment not among them.</summary>
    private async Task<IReadOnlyList<SweepTarget>> TargetsAsync(CancellationToken cancellationToken)
    {
        var targets = new Dictionary<string, SweepTarget>(StringComparer.OrdinalIgnoreCase);
        foreach (var known in await _log.ListKnownRepositoriesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_course.Catalog.Find(known.Assignment) is not null)
            {
                targets.TryAdd(known.Repository, new SweepTarget(known.Repository, known.Assignment, known.Student, known.InstallationId));
            }
        }

        if (!string.IsNullOrEmpty(_organization))
        {
            // The organisation's installation, as its known repositories have it (else asked per repository).
            var installation = targets.Values.FirstOrDefault(t => t.Repository.StartsWith(_organization + "/", StringComparison.OrdinalIgnoreCase))?.InstallationId;
            // The roster with the students' own claims (invitation links), so a claimed student's repository is swept too.
            var roster = await _roster.CurrentAsync(cancellationToken).ConfigureAwait(false);
            foreach (var assignment in _course.Catalog.Assignments)
            {
                foreach (var entry in roster.Entries.Where(e => !string.IsNullOrEmpty(e.GitHubUsername)))
                {
                    var name = $"{_organization}/{assignment.Slug}-{entry.GitHubUsername}";
                    targets.TryAdd(name, new SweepTarget(name, assignment.Slug, entry.GitHubUsername, installation));
                }
            }
        }

        return [.. targets.Values.OrderBy(t => t.Repository, StringComparer.OrdinalIgnoreCase)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Branch sweep: {Repository} {Branch} is at {Sha}, pushed {PushedAt:u}, which GitHub never delivered; queued it (recovered)")]
    private static partial void LogQueued(ILogger logger, string repository, string branch, string sha, DateTimeOffset pushedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Branch sweep: looked at {Repositories} of {Known} student repositories, queued {Queued} undelivered push(es), {Failed} could not be read")]
    private static partial void LogSwept(ILogger logger, int repositories, int known, int queued, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Branch sweep: could not read {Repository}: {Error}")]
    private static partial void LogRepositoryFailed(ILogger logger, string repository, string error, Exception exception);
}
