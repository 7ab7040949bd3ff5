namespace GitGrader.Storage.Sql;

/// <summary>A <c>provisioning</c> row as Dapper reads it (times as either store returns them).</summary>
internal sealed class ProvisioningRow
{
    public string Assignment { get; set; } = string.Empty;

    public string Student { get; set; } = string.Empty;

    public string Repository { get; set; } = string.Empty;

    public long? RepositoryId { get; set; }

    public string? HtmlUrl { get; set; }

    public object? CreateRequestedAt { get; set; }

    public string? StarterSha { get; set; }

    public long Collaborator { get; set; }

    public long FeedbackBranch { get; set; }

    public long? PullRequest { get; set; }

    public long BranchProtected { get; set; }

    public object? CompletedAt { get; set; }

    public string? LastError { get; set; }

    public string? Access { get; set; }

    public object? AccessDeadline { get; set; }

    public ProvisioningRecord ToRecord() => new(
        Assignment,
        Student,
        Repository,
        RepositoryId,
        HtmlUrl,
        StoreTime.ReadNullable(CreateRequestedAt),
        StarterSha,
        Collaborator != 0,
        FeedbackBranch != 0,
        PullRequest is { } number ? (int)number : null,
        BranchProtected != 0,
        StoreTime.ReadNullable(CompletedAt),
        LastError,
        Access,
        StoreTime.ReadNullable(AccessDeadline));
}
