using GitGrader.Classroom;
using GitGrader.Core.Assignments;
using GitGrader.GitHub;
using GitGrader.GitHub.Rest;
using GitGrader.Reporting;
using GitGrader.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Provisioning;

/// <summary>
/// Deadlines that close (<c>close_at_deadline: true</c>): each provisioned student's access follows their own deadline
/// (<see cref="StudentDeadlines.DeadlineFor"/>: the assignment's, or their extension's) — read (<c>pull</c>) from it on,
/// push before it — on the collaborator, or on the invitation while it is pending. What was applied is kept in the store,
/// so a restart or a second <c>serve</c> on the same PostgreSQL database changes nothing twice (each change is held by one
/// process); an extension added after the cut-off gives push back at the next pass.
/// </summary>
internal sealed partial class AccessCutoff(
    IGitHubClient gitHub,
    IProvisioningState store,
    Course course,
    IOptions<ClassroomOptions> classroom,
    [FromKeyedServices(AccessCutoff.ClockKey)] TimeProvider clock,
    ILogger<AccessCutoff> logger)
{
    /// <summary>The key of the clock the cut-off reads (a test moves it past a deadline without moving the App's tokens).</summary>
    public const string ClockKey = "access-cutoff";

    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    private readonly string _holder = ReservedCreation.NewHolder();

    /// <summary>Applies every student's access that is not what their deadline says now; returns how many changed. A failure for one student is logged and retried at the next pass.</summary>
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var changed = 0;
        long? installation = null;
        foreach (var assignment in course.Catalog.Assignments.Where(a => a.CloseAtDeadline))
        {
            foreach (var record in await store.ListProvisioningAsync(assignment.Slug, cancellationToken).ConfigureAwait(false))
            {
                var (wanted, deadline) = Wanted(assignment, record.Student);
                if (!record.CollaboratorAdded || (record.Access ?? AccessLevels.Write) == wanted)
                {
                    continue;
                }

                if (!await store.HoldAccessAsync(assignment.Slug, record.Student, _holder, Hold, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                try
                {
                    installation ??= await gitHub.GetOrganizationInstallationIdAsync(classroom.Value.Organization, cancellationToken).ConfigureAwait(false);
                    await SetAsync(installation.Value, RepositoryRef.Parse(record.Repository), record.Student, wanted, cancellationToken).ConfigureAwait(false);
                    await store.SaveAccessAsync(assignment.Slug, record.Student, wanted, deadline, _holder, cancellationToken).ConfigureAwait(false);
                    LogApplied(logger, record.Repository, record.Student, wanted, deadline);
                    changed++;
                }
                catch (GitHubApiException ex)
                {
                    // The hold runs out; the next pass (or another process) tries again.
                    LogFailed(logger, record.Repository, record.Student, wanted, ex.Message);
                }
            }
        }

        return changed;
    }

    /// <summary>When the next student's deadline of a closing assignment passes (after now), or null when none is ahead.</summary>
    public async Task<DateTimeOffset?> NextDeadlineAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? next = null;
        foreach (var assignment in course.Catalog.Assignments.Where(a => a.CloseAtDeadline))
        {
            foreach (var record in await store.ListProvisioningAsync(assignment.Slug, cancellationToken).ConfigureAwait(false))
            {
                if (course.Deadlines.DeadlineFor(assignment, record.Student) is { } deadline && deadline > now && (next is null || deadline < next))
                {
                    next = deadline;
                }
            }
        }

        return next;
    }

    /// <summary>Read from the student's deadline on, push before it; and the deadline it follows from.</summary>
    public (string Access, DateTimeOffset? Deadline) Wanted(Assignment assignment, string student)
    {
        var deadline = course.Deadlines.DeadlineFor(assignment, student);
        return (assignment.CloseAtDeadline && deadline is { } due && clock.GetUtcNow() >= due ? AccessLevels.Read : AccessLevels.Write, deadline);
    }

    /// <summary>The pending invitation's permission when there is one; else the collaborator's (a 201 invites them again, as GitHub does for someone who left).</summary>
    private async Task SetAsync(long installation, RepositoryRef repository, string student, string access, CancellationToken cancellationToken)
    {
        var invitations = await gitHub.ListInvitationsAsync(installation, repository, cancellationToken).ConfigureAwait(false);
        if (invitations.FirstOrDefault(i => i.InviteeLogin.Equals(student, StringComparison.OrdinalIgnoreCase)) is { } pending)
        {
            await gitHub.UpdateInvitationAsync(installation, repository, pending.Id, AccessLevels.InvitationWord(access), cancellationToken).ConfigureAwait(false);
            return;
        }

        await gitHub.AddCollaboratorAsync(installation, repository, student, access, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cut-off: {Student} now has {Access} access to {Repository} (deadline {Deadline})")]
    private static partial void LogApplied(ILogger logger, string repository, string student, string access, DateTimeOffset? deadline);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cut-off: could not give {Student} {Access} access to {Repository}; trying again at the next pass: {Error}")]
    private static partial void LogFailed(ILogger logger, string repository, string student, string access, string error);
}
