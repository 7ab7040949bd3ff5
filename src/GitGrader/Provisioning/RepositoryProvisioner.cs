using GitGrader.Classroom;
using GitGrader.Core.Assignments;
using GitGrader.GitHub;
using GitGrader.GitHub.Rest;
using GitGrader.Reporting;
using GitGrader.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Provisioning;

/// <summary>
/// <see cref="IRepositoryProvisioner"/> over GitHub's REST API and real git, one step at a time, each step recorded in the
/// store before the next (<see cref="IProvisioningState"/>), so a call after any failure does only what is missing. The order
/// keeps a student from touching the repository before it is ready: the repository, its starter commit, the <c>feedback</c>
/// branch at that commit, the empty set-up commit on the default branch and the Feedback pull request, the branch protection,
/// and only then the student's invitation. A repository of that name that GitGrader did not make for this student is refused,
/// never handed out.
/// </summary>
internal sealed partial class RepositoryProvisioner(
    IGitHubClient gitHub,
    IProvisioningState store,
    Course course,
    StarterCommits commits,
    AccessCutoff cutoff,
    IOptions<ClassroomOptions> classroom,
    IOptions<ProvisioningOptions> options,
    TimeProvider clock,
    ILogger<RepositoryProvisioner> logger) : IRepositoryProvisioner
{
    /// <summary>How far before GitGrader's request a repository's creation time may be (clocks differ) and still be the one it asked for.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan FillPoll = TimeSpan.FromMilliseconds(500);

    private readonly string _holder = ReservedCreation.NewHolder();
    private long? _installationId;

    /// <inheritdoc />
    public async Task<ProvisionedRepository> ProvisionAsync(Assignment assignment, string login, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(login);
        if (!GitHubLogin.IsValid(login))
        {
            throw new ProvisioningException($"'{login}' is not a GitHub login (letters, digits and single hyphens, at most 39).", isPermanent: true);
        }

        var installation = await Step("looked for its installation on the organisation", () => InstallationAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        var user = await Step("looked up the account", () => gitHub.FindUserAsync(installation, login, cancellationToken), cancellationToken).ConfigureAwait(false)
            ?? throw new ProvisioningException($"There is no GitHub account '{login}': check the roster's github_username for this student.", isPermanent: true);
        var repository = RepositoryOf(assignment, user.Login);
        if (!await store.HoldProvisioningAsync(assignment.Slug, user.Login, repository.FullName, _holder, options.Value.Hold, cancellationToken).ConfigureAwait(false))
        {
            throw new ProvisioningException($"{repository} is being set up by another GitGrader process right now; try again in a minute.", isPermanent: false);
        }

        var record = (await store.GetProvisioningAsync(assignment.Slug, user.Login, cancellationToken).ConfigureAwait(false))!;
        try
        {
            if (record.IsComplete && record.HtmlUrl is { } done)
            {
                return new ProvisionedRepository(repository, new Uri(done), Created: false);
            }

            var work = new Work(installation, assignment, repository, user.Login, progress, cancellationToken);
            var (made, created) = await EnsureRepositoryAsync(work, record).ConfigureAwait(false);
            record = await EnsureFeedbackAsync(work, made, record).ConfigureAwait(false);
            record = await EnsureCollaboratorAsync(work, record).ConfigureAwait(false);
            record = record with { CompletedAt = clock.GetUtcNow(), LastError = null };
            await store.SaveProvisioningAsync(record, cancellationToken).ConfigureAwait(false);
            LogProvisioned(logger, repository.FullName, created);
            return new ProvisionedRepository(repository, new Uri(record.HtmlUrl!), created);
        }
        catch (ProvisioningException ex)
        {
            LogFailed(logger, repository.FullName, ex.Message);
            await SaveErrorAsync(assignment.Slug, user.Login, ex.Message).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await store.ReleaseProvisioningAsync(assignment.Slug, user.Login, _holder, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary><c>{org}/{slug}-{login}</c>, refused when that name would map to another assignment (a longer slug) or another student.</summary>
    private RepositoryRef RepositoryOf(Assignment assignment, string login)
    {
        var organization = classroom.Value.Organization;
        var name = $"{assignment.Slug}-{login}";
        var mapped = course.Catalog.Map(organization, name);
        if (mapped is null || !ReferenceEquals(mapped.Assignment, assignment) && mapped.Assignment.Slug != assignment.Slug || !mapped.Student.Equals(login, StringComparison.OrdinalIgnoreCase))
        {
            throw new ProvisioningException(
                $"{organization}/{name} would be read as {(mapped is null ? "no assignment's" : $"assignment '{mapped.Assignment.Slug}', student '{mapped.Student}'")} repository; rename one of the assignments so their slugs do not overlap.",
                isPermanent: true);
        }

        return new RepositoryRef(organization, name);
    }

    /// <summary>The repository: found (and proven ours), or created now from the template or empty.</summary>
    private async Task<(GitHubRepository Repository, bool Created)> EnsureRepositoryAsync(Work work, ProvisioningRecord record)
    {
        var existing = await Step("looked for the repository", () => gitHub.FindRepositoryAsync(work.Installation, work.Repository, work.Cancel), work.Cancel).ConfigureAwait(false);
        if (existing is not null)
        {
            var ours = record.RepositoryId == existing.Id
                || (record.RepositoryId is null && record.CreateRequestedAt is { } asked && existing.CreatedAt is { } made && made >= asked - ClockSkew);
            if (!ours)
            {
                throw new ProvisioningException(
                    $"The repository {work.Repository} exists already and GitGrader did not make it for {work.Login}; it will not hand it out. Rename or delete it on GitHub, then run this again.",
                    isPermanent: true);
            }

            await SaveAsync(record with { RepositoryId = existing.Id, HtmlUrl = HtmlOf(existing) }, work.Cancel).ConfigureAwait(false);
            return (existing, false);
        }

        var requested = clock.GetUtcNow();
        await SaveAsync(record with { RepositoryId = null, CreateRequestedAt = requested }, work.Cancel).ConfigureAwait(false);

        // A retry after no answer (GitHub may have created it meanwhile) looks first, and takes it if it is the one asked for.
        var tries = 0;
        async Task<GitHubRepository> CreateOnceAsync(Func<Task<GitHubRepository>> create) =>
            tries++ > 0 && await gitHub.FindRepositoryAsync(work.Installation, work.Repository, work.Cancel).ConfigureAwait(false) is { CreatedAt: { } made } found && made >= requested - ClockSkew
                ? found
                : await create().ConfigureAwait(false);
        var description = $"{work.Assignment.Name} ({work.Assignment.Slug}) for {work.Login}";
        GitHubRepository created;
        if (work.Assignment.Template is { } template)
        {
            work.Report($"Creating {work.Repository} from the template {template}");
            created = await Step($"created the repository from the template {template}", () => CreateOnceAsync(() => gitHub.CreateRepositoryFromTemplateAsync(work.Installation, new RepositoryRef(template.Owner, template.Name), work.Repository, description, work.Cancel)), work.Cancel).ConfigureAwait(false);
        }
        else
        {
            if (!Directory.Exists(work.Assignment.StarterDirectory))
            {
                throw new ProvisioningException($"The assignment '{work.Assignment.Slug}' has neither a template: key nor a starter/ folder, so there is nothing to give the students.", isPermanent: true);
            }

            work.Report($"Creating {work.Repository}");
            created = await Step("created the repository", () => CreateOnceAsync(() => gitHub.CreateOrganizationRepositoryAsync(work.Installation, work.Repository, description, work.Cancel)), work.Cancel).ConfigureAwait(false);
        }

        await SaveAsync(await CurrentAsync(work) with { RepositoryId = created.Id, HtmlUrl = HtmlOf(created) }, work.Cancel).ConfigureAwait(false);
        return (created, true);
    }

    /// <summary>The starter commit, the <c>feedback</c> branch at it, the set-up commit, the Feedback pull request and the branch's protection.</summary>
    private async Task<ProvisioningRecord> EnsureFeedbackAsync(Work work, GitHubRepository repository, ProvisioningRecord record)
    {
        record = await CurrentAsync(work);
        var branch = repository.DefaultBranch;
        var starter = record.StarterSha ?? await StarterAsync(work, branch).ConfigureAwait(false);
        record = await SaveAsync(record with { StarterSha = starter }, work.Cancel).ConfigureAwait(false);
        if (!record.FeedbackBranch)
        {
            if (await Step("looked for the feedback branch", () => gitHub.GetBranchShaAsync(work.Installation, work.Repository, FeedbackPullRequest.Branch, work.Cancel), work.Cancel).ConfigureAwait(false) is null)
            {
                work.Report($"Creating the {FeedbackPullRequest.Branch} branch at the starter commit");
                await Step("created the feedback branch", () => gitHub.CreateBranchAsync(work.Installation, work.Repository, FeedbackPullRequest.Branch, starter, work.Cancel), work.Cancel).ConfigureAwait(false);
            }

            record = await SaveAsync(record with { FeedbackBranch = true }, work.Cancel).ConfigureAwait(false);
        }

        if (record.PullRequest is null)
        {
            var number = await PullRequestAsync(work, branch, starter).ConfigureAwait(false);
            record = await SaveAsync(record with { PullRequest = number }, work.Cancel).ConfigureAwait(false);
        }

        if (!record.BranchProtected)
        {
            work.Report($"Protecting the {FeedbackPullRequest.Branch} branch");
            await Step("protected the feedback branch", () => gitHub.ProtectBranchAsync(work.Installation, work.Repository, FeedbackPullRequest.Branch, work.Cancel), work.Cancel).ConfigureAwait(false);
            record = await SaveAsync(record with { BranchProtected = true }, work.Cancel).ConfigureAwait(false);
        }

        return record;
    }

    /// <summary>The default branch's first commit: waited for (a template is copied in the background) or pushed from <c>starter/</c>.</summary>
    private async Task<string> StarterAsync(Work work, string branch)
    {
        var sha = await Step("read the default branch", () => gitHub.GetBranchShaAsync(work.Installation, work.Repository, branch, work.Cancel), work.Cancel).ConfigureAwait(false);
        if (sha is not null)
        {
            return sha;
        }

        if (work.Assignment.Template is { } template)
        {
            var until = clock.GetUtcNow() + options.Value.TemplateFillTimeout;
            while (sha is null && clock.GetUtcNow() < until)
            {
                await Task.Delay(FillPoll, clock, work.Cancel).ConfigureAwait(false);
                sha = await Step("waited for the template's files", () => gitHub.GetBranchShaAsync(work.Installation, work.Repository, branch, work.Cancel), work.Cancel).ConfigureAwait(false);
            }

            return sha ?? throw new ProvisioningException(
                $"{work.Repository} has no commit on {branch} {options.Value.TemplateFillTimeout.TotalSeconds:0} s after it was generated from {template}: is the template empty? Try again once it has a commit.",
                isPermanent: false);
        }

        work.Report("Pushing the starter code");
        var token = await Step("got a token for git", () => gitHub.GetInstallationTokenAsync(work.Installation, work.Cancel), work.Cancel).ConfigureAwait(false);
        return await Step("pushed the starter code", () => commits.PushStarterAsync(course.CloneUrl(work.Repository.FullName), token, work.Assignment.StarterDirectory, branch, FeedbackPullRequest.StarterCommitMessage, clock.GetUtcNow(), work.Cancel), work.Cancel).ConfigureAwait(false);
    }

    /// <summary>The one open pull request from the default branch into <c>feedback</c>: found, or opened (after the set-up commit it needs).</summary>
    private async Task<int> PullRequestAsync(Work work, string branch, string starter)
    {
        var open = await Step("looked for the Feedback pull request", () => gitHub.ListOpenPullRequestsAsync(work.Installation, work.Repository, branch, FeedbackPullRequest.Branch, work.Cancel), work.Cancel).ConfigureAwait(false);
        if (open.Count > 0)
        {
            return open.Min(p => p.Number);
        }

        var tip = await Step("read the default branch", () => gitHub.GetBranchShaAsync(work.Installation, work.Repository, branch, work.Cancel), work.Cancel).ConfigureAwait(false);
        if (tip is null || tip == starter)
        {
            // GitHub opens no pull request without a commit between its branches ("No commits between"); Classroom pushed one too.
            work.Report("Adding the set-up commit the Feedback pull request needs");
            var token = await Step("got a token for git", () => gitHub.GetInstallationTokenAsync(work.Installation, work.Cancel), work.Cancel).ConfigureAwait(false);
            await Step("pushed the set-up commit", () => commits.PushEmptyCommitAsync(course.CloneUrl(work.Repository.FullName), token, branch, starter, FeedbackPullRequest.SetUpCommitMessage, clock.GetUtcNow(), work.Cancel), work.Cancel).ConfigureAwait(false);
        }

        work.Report("Opening the Feedback pull request");
        return await Step(
            "opened the Feedback pull request",
            async () =>
            {
                try
                {
                    var pull = await gitHub.CreatePullRequestAsync(work.Installation, work.Repository, options.Value.PullRequestTitle, branch, FeedbackPullRequest.Branch, FeedbackPullRequest.Body(branch), work.Cancel).ConfigureAwait(false);
                    return pull.Number;
                }
                catch (GitHubApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.UnprocessableEntity && ex.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase))
                {
                    // Opened by an earlier try whose answer was lost: the one open pull request is ours.
                    var again = await gitHub.ListOpenPullRequestsAsync(work.Installation, work.Repository, branch, FeedbackPullRequest.Branch, work.Cancel).ConfigureAwait(false);
                    if (again.Count == 0)
                    {
                        throw;
                    }

                    return again.Min(p => p.Number);
                }
            },
            work.Cancel).ConfigureAwait(false);
    }

    /// <summary>The student invited with push (read when the assignment closes at the deadline and the student's has passed).</summary>
    private async Task<ProvisioningRecord> EnsureCollaboratorAsync(Work work, ProvisioningRecord record)
    {
        if (record.CollaboratorAdded)
        {
            return record;
        }

        var permission = cutoff.Wanted(work.Assignment, work.Login).Access;
        work.Report($"Inviting {work.Login} as a collaborator ({permission})");
        await Step("invited the student", () => gitHub.AddCollaboratorAsync(work.Installation, work.Repository, work.Login, permission, work.Cancel), work.Cancel).ConfigureAwait(false);
        return await SaveAsync(record with { CollaboratorAdded = true }, work.Cancel).ConfigureAwait(false);
    }

    private async Task<long> InstallationAsync(CancellationToken cancellationToken)
    {
        if (_installationId is { } known)
        {
            return known;
        }

        var id = await gitHub.GetOrganizationInstallationIdAsync(classroom.Value.Organization, cancellationToken).ConfigureAwait(false);
        _installationId = id;
        return id;
    }

    private async Task<ProvisioningRecord> CurrentAsync(Work work) =>
        (await store.GetProvisioningAsync(work.Assignment.Slug, work.Login, work.Cancel).ConfigureAwait(false))!;

    private async Task<ProvisioningRecord> SaveAsync(ProvisioningRecord record, CancellationToken cancellationToken)
    {
        await store.SaveProvisioningAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    private async Task SaveErrorAsync(string assignment, string login, string message)
    {
        try
        {
            if (await store.GetProvisioningAsync(assignment, login, CancellationToken.None).ConfigureAwait(false) is { } record)
            {
                await store.SaveProvisioningAsync(record with { LastError = message }, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (GradingStoreException ex)
        {
            LogErrorNotSaved(logger, assignment, login, ex.Message);
        }
    }

    private static string HtmlOf(GitHubRepository repository) =>
        (repository.HtmlUrl ?? new Uri($"https://github.com/{repository.Repository.FullName}")).AbsoluteUri;

    /// <summary>
    /// Runs one GitHub or git step, turning its failure into a <see cref="ProvisioningException"/> that says which step. A
    /// step GitHub throttles past what one call waits out (a secondary limit's <c>retry-after</c> longer than the client's
    /// wait, or an hourly limit) is tried again every <see cref="ProvisioningOptions.ThrottlePause"/>, for up to
    /// <see cref="ProvisioningOptions.RateLimitPatience"/>.
    /// </summary>
    private async Task<T> Step<T>(string step, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + options.Value.RateLimitPatience;
        while (true)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (GitHubApiException ex) when (ProvisioningFailures.IsThrottled(ex) && clock.GetUtcNow() + options.Value.ThrottlePause < until)
            {
                LogThrottled(logger, step, options.Value.ThrottlePause);
                await Task.Delay(options.Value.ThrottlePause, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not ProvisioningException)
            {
                throw ProvisioningFailures.Of(step, ex);
            }
        }
    }

    private async Task Step(string step, Func<Task> call, CancellationToken cancellationToken) =>
        await Step<bool>(
            step,
            async () =>
            {
                await call().ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);

    [LoggerMessage(Level = LogLevel.Information, Message = "GitHub throttles GitGrader while it {Step}; trying again in {Pause}")]
    private static partial void LogThrottled(ILogger logger, string step, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioned {Repository} (created now: {Created})")]
    private static partial void LogProvisioned(ILogger logger, string repository, bool created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provisioning {Repository} stopped: {Reason}")]
    private static partial void LogFailed(ILogger logger, string repository, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record why provisioning {Student}'s repository of {Assignment} stopped: {Error}")]
    private static partial void LogErrorNotSaved(ILogger logger, string assignment, string student, string error);

    /// <summary>One call's fixed facts.</summary>
    private sealed record Work(long Installation, Assignment Assignment, RepositoryRef Repository, string Login, IProgress<string>? Progress, CancellationToken Cancel)
    {
        public void Report(string step) => Progress?.Report(step);
    }
}
