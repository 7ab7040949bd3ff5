using Dapper;

namespace GitGrader.Storage.Sql;

/// <summary>Students' repositories, step by step, and the access the cut-off applied; each held by one process at a time.</summary>
internal abstract partial class SqlGradingStore
{
    private const string ProvisioningColumns =
        """
        assignment AS Assignment, student AS Student, repository AS Repository, repository_id AS RepositoryId, html_url AS HtmlUrl,
        create_requested_at AS CreateRequestedAt, starter_sha AS StarterSha, collaborator AS Collaborator, feedback_branch AS FeedbackBranch,
        pull_request AS PullRequest, branch_protected AS BranchProtected, completed_at AS CompletedAt, last_error AS LastError,
        access AS Access, access_deadline AS AccessDeadline
        """;

    /// <inheritdoc />
    public async Task<ProvisioningRecord?> GetProvisioningAsync(string assignment, string student, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assignment);
        ArgumentException.ThrowIfNullOrWhiteSpace(student);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleOrDefaultAsync<ProvisioningRow>(Command(
                $"SELECT {ProvisioningColumns} FROM provisioning WHERE assignment = @Assignment AND student_key = @Key",
                new { Assignment = assignment, Key = StudentKey(student) },
                null,
                cancellationToken)).ConfigureAwait(false);
            return row?.ToRecord();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProvisioningRecord>> ListProvisioningAsync(string assignment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assignment);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<ProvisioningRow>(Command(
                $"SELECT {ProvisioningColumns} FROM provisioning WHERE assignment = @Assignment ORDER BY student_key",
                new { Assignment = assignment },
                null,
                cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => r.ToRecord())];
        }
    }

    /// <inheritdoc />
    public async Task<bool> HoldProvisioningAsync(string assignment, string student, string repository, string holder, TimeSpan hold, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assignment);
        ArgumentException.ThrowIfNullOrWhiteSpace(student);
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        var now = Now();
        var changed = await ExecuteAsync(
            """
            INSERT INTO provisioning (assignment, student_key, student, repository, holder, held_until, updated_at)
            VALUES (@Assignment, @Key, @Student, @Repository, @Holder, @Until, @Now)
            ON CONFLICT (assignment, student_key) DO UPDATE SET holder = excluded.holder, held_until = excluded.held_until
            WHERE provisioning.holder IS NULL OR provisioning.holder = excluded.holder OR provisioning.held_until <= @Now
            """,
            new { Assignment = assignment, Key = StudentKey(student), Student = student, Repository = repository, Holder = holder, Until = Time(now + hold), Now = Time(now) },
            cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    /// <inheritdoc />
    public async Task SaveProvisioningAsync(ProvisioningRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var changed = await ExecuteAsync(
            """
            UPDATE provisioning SET repository = @Repository, repository_id = @RepositoryId, html_url = @HtmlUrl,
                create_requested_at = @CreateRequestedAt, starter_sha = @StarterSha, collaborator = @Collaborator,
                feedback_branch = @FeedbackBranch, pull_request = @PullRequest, branch_protected = @BranchProtected,
                completed_at = @CompletedAt, last_error = @LastError, updated_at = @Now
            WHERE assignment = @Assignment AND student_key = @Key
            """,
            new
            {
                record.Assignment,
                Key = StudentKey(record.Student),
                record.Repository,
                record.RepositoryId,
                record.HtmlUrl,
                CreateRequestedAt = record.CreateRequestedAt is { } requested ? Time(StoreTime.Normalize(requested)) : null,
                record.StarterSha,
                Collaborator = record.CollaboratorAdded ? 1 : 0,
                FeedbackBranch = record.FeedbackBranch ? 1 : 0,
                record.PullRequest,
                BranchProtected = record.BranchProtected ? 1 : 0,
                CompletedAt = record.CompletedAt is { } completed ? Time(StoreTime.Normalize(completed)) : null,
                record.LastError,
                Now = Time(Now()),
            },
            cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new GradingStoreException($"There is no provisioning record of {record.Student} for {record.Assignment}: hold it first (HoldProvisioningAsync).");
        }
    }

    /// <inheritdoc />
    public Task ReleaseProvisioningAsync(string assignment, string student, string holder, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE provisioning SET holder = NULL, held_until = NULL WHERE assignment = @Assignment AND student_key = @Key AND holder = @Holder",
            new { Assignment = assignment, Key = StudentKey(student), Holder = holder },
            cancellationToken);

    /// <inheritdoc />
    public async Task<bool> HoldAccessAsync(string assignment, string student, string holder, TimeSpan hold, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        var now = Now();
        var changed = await ExecuteAsync(
            """
            UPDATE provisioning SET access_holder = @Holder, access_held_until = @Until
            WHERE assignment = @Assignment AND student_key = @Key
                AND (access_holder IS NULL OR access_holder = @Holder OR access_held_until <= @Now)
            """,
            new { Assignment = assignment, Key = StudentKey(student), Holder = holder, Until = Time(now + hold), Now = Time(now) },
            cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    /// <inheritdoc />
    public Task SaveAccessAsync(string assignment, string student, string access, DateTimeOffset? deadline, string holder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(access);
        return ExecuteAsync(
            """
            UPDATE provisioning SET access = @Access, access_deadline = @Deadline, access_holder = NULL, access_held_until = NULL, updated_at = @Now
            WHERE assignment = @Assignment AND student_key = @Key AND access_holder = @Holder
            """,
            new { Assignment = assignment, Key = StudentKey(student), Access = access, Deadline = deadline is { } d ? Time(StoreTime.Normalize(d)) : null, Holder = holder, Now = Time(Now()) },
            cancellationToken);
    }

    /// <summary>GitHub logins are case-insensitive: the key is the login in lower case.</summary>
    private static string StudentKey(string student) => student.ToLowerInvariant();
}
