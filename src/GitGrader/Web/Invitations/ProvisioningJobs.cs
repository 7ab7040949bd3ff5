using GitGrader.Core.Assignments;
using GitGrader.Provisioning;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GitGrader.Web.Invitations;

/// <summary>
/// The repositories being made for invitation links, one job per (assignment, student) in this process, run apart from any
/// request (a student closing the page does not stop it; shutdown does). <see cref="IRepositoryProvisioner"/> is idempotent,
/// so whatever a job could not finish (a failure, a restart, another serve process) the next visit starts again and finishes.
/// </summary>
public sealed partial class ProvisioningJobs
{
    /// <summary>Shown when something other than a <see cref="ProvisioningException"/> stopped the job (the log has the detail).</summary>
    public const string OurFault = "Your repository could not be made because of a problem on our side. Try again in a minute; if it keeps failing, tell your instructor.";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ProvisioningJob> _jobs = new(StringComparer.OrdinalIgnoreCase);
    private readonly IRepositoryProvisioner _provisioner;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<ProvisioningJobs> _logger;

    /// <summary>Creates the registry.</summary>
    public ProvisioningJobs(IRepositoryProvisioner provisioner, IHostApplicationLifetime lifetime, ILogger<ProvisioningJobs> logger)
    {
        _provisioner = provisioner;
        _lifetime = lifetime;
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
        try
        {
            var repository = await _provisioner.ProvisionAsync(assignment, job.Login, job, stopping).ConfigureAwait(false);
            job.Complete(repository);
            LogReady(_logger, repository.Repository.ToString(), job.Login, repository.Created);
        }
        catch (ProvisioningException ex)
        {
            job.Fail(ex.Message);
            LogRefused(_logger, job.Slug, job.Login, ex.Message);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            job.Fail("The server is restarting. Reload this page in a minute: your repository will be finished.");
        }
        catch (Exception ex)
        {
            job.Fail(OurFault);
            LogFailed(_logger, job.Slug, job.Login, ex.GetType().Name, ex.Message);
        }
    }

    [LoggerMessage(EventId = 710, Level = LogLevel.Information, Message = "Invitation: {Repository} ready for {Login} (created now: {Created})")]
    private static partial void LogReady(ILogger logger, string repository, string login, bool created);

    [LoggerMessage(EventId = 711, Level = LogLevel.Warning, Message = "Invitation: the repository of {Slug} for {Login} could not be made: {Reason}")]
    private static partial void LogRefused(ILogger logger, string slug, string login, string reason);

    [LoggerMessage(EventId = 712, Level = LogLevel.Error, Message = "Invitation: making the repository of {Slug} for {Login} failed: {Error}: {Message}")]
    private static partial void LogFailed(ILogger logger, string slug, string login, string error, string message);
}
