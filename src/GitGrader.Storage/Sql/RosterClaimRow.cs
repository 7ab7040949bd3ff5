namespace GitGrader.Storage.Sql;

/// <summary>A row of <c>roster_claims</c>.</summary>
internal sealed class RosterClaimRow
{
    public const string Columns = "identifier AS Identifier, login AS Login, github_id AS GitHubId, claimed_at AS ClaimedAt";

    public string Identifier { get; set; } = string.Empty;

    public string Login { get; set; } = string.Empty;

    public long GitHubId { get; set; }

    public object ClaimedAt { get; set; } = string.Empty;

    public RosterClaim ToClaim() => new(Identifier, Login, GitHubId, StoreTime.Read(ClaimedAt));
}
