using GitGrader.Core.Assignments;
using GitGrader.Provisioning;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GitGrader.Web.Invitations;

/// <summary>
/// The repositories being made for invitation links, one job per (assignment, student) in this process, run apart from any
/// request (a student closing the page does not stop it; shutdown does). A failure that may pass (GitHub failing or
/// rate-limiting, another serve process making the same repository) is retried with a doubling wait for a few minutes, its
/// message shown as a step; a permanent one ends the job with its message. <see cref="IRepositoryProvisioner"/> is idempotent,
/// so whatever a job could not finish (a failure, a restart, another serve process) the next visit starts again and finishes.
/// </summary>
public sealed partial class ProvisioningJobs
{
    /// <summary>Shown when something other than a <see cref="ProvisioningException"/> stopped the job (the log has the detail).</summary>
    public const string OurFault = "Your repository could not be made because of a problem on our side. Try again in a minute; if it keeps failing, tell your instructor.";

    /// <summary>Shown when serve stops while a repository is being made.</summary>
    private const string Restarting = "The server is restarting. Reload this page in a minute: your repository will be finished.";

    /// <summary>The first wait before trying again after a failure that may pass (it doubles, up to <see cref="MaxRetryDelay"/>).</summary>
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>How long failures that may pass are retried before the student is told (past another process's hold of the repository).</summary>
    private static readonly TimeSpan RetryFor = TimeSpan.FromMinutes(6);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ProvisioningJob> _jobs = new(StringComparer.OrdinalIgnoreCase);
    private readonly IRepositoryProvisioner _provisioner;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _clock;
    private readonly ILogger<ProvisioningJobs> _logger;

    /// <summary>Creates the registry.</summary>
    public ProvisioningJobs(IRepositoryProvisioner provisioner, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<ProvisioningJobs> logger)
    {
        _provisioner = provisioner;
        _lifetime = lifetime;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// The job of <paramref name="login"/>'s repository of <paramref name="assignment"/>: the one running or done, else a new
    /// one started (also in place of a failed one when <paramref name="retryFailed"/>).
    /// </summary>
    public ProvisioningJob StartOrGet(Assignment assignment, string login, bool retryFailed)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var key = $"{assignment.Slug}\n{login}";
        ProvisioningJob job;
        lock (_lock)
        {
            if (_jobs.TryGetValue(key, out var existing) && (existing.State != ProvisioningJobState.Failed || !retryFailed))
            {
                return existing;
            }

            job = new ProvisioningJob(assignment.Slug, login);
            _jobs[key] = job;
        }

        _ = Task.Run(() => RunAsync(assignment, job), CancellationToken.None);
        return job;
    }

    private async Task RunAsync(Assignment assignment, ProvisioningJob job)
    {
        var stopping = _lifetime.ApplicationStopping;
        var delay = FirstRetryDelay;
        var started = _clock.GetUtcNow();
        while (true)
        {
            try
            {
                var repository = await _provisioner.ProvisionAsync(assignment, job.Login, job, stopping).ConfigureAwait(false);
                job.Complete(repository);
                LogReady(_logger, repository.Repository.ToString(), job.Login, repository.Created);
                return;
            }
            catch (ProvisioningException ex) when (!ex.IsPermanent && _clock.GetUtcNow() - started + delay <= RetryFor)
            {
                // GitHub failing or rate-limiting, another serve process on the same repository: the student waits, we retry.
                job.Report(ex.Message);
                LogRetrying(_logger, job.Slug, job.Login, ex.Message, delay.TotalSeconds);
                if (!await DelayAsync(delay, stopping).ConfigureAwait(false))
                {
                    job.Fail(Restarting);
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
            catch (ProvisioningException ex)
            {
                job.Fail(ex.Message);
                LogRefused(_logger, job.Slug, job.Login, ex.Message);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                job.Fail(Restarting);
                return;
            }
            catch (Exception ex)
            {
                job.Fail(OurFault);
                LogFailed(_logger, job.Slug, job.Login, ex.GetType().Name, ex.Message);
                return;
            }
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, _clock, stopping).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 710, Level = LogLevel.Information, Message = "Invitation: {Repository} ready for {Login} (created now: {Created})")]
    private static partial void LogReady(ILogger logger, string repository, string login, bool created);

    [LoggerMessage(EventId = 713, Level = LogLevel.Warning, Message = "Invitation: the repository of {Slug} for {Login} is not ready ({Reason}); trying again in {Seconds} s")]
    private static partial void LogRetrying(ILogger logger, string slug, string login, string reason, double seconds);

    [LoggerMessage(EventId = 711, Level = LogLevel.Warning, Message = "Invitation: the repository of {Slug} for {Login} could not be made: {Reason}")]
    private static partial void LogRefused(ILogger logger, string slug, string login, string reason);

    [LoggerMessage(EventId = 712, Level = LogLevel.Error, Message = "Invitation: making the repository of {Slug} for {Login} failed: {Error}: {Message}")]
    private static partial void LogFailed(ILogger logger, string slug, string login, string error, string message);
}
