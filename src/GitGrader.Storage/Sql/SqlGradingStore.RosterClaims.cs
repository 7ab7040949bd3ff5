using Dapper;

namespace GitGrader.Storage.Sql;

/// <summary>
/// Roster claims: <c>roster_claims</c> has the identifier as its key and a unique index on the login (case-insensitive),
/// so an insert that loses a race to either does nothing, and what stands is read back in the same transaction.
/// </summary>
internal abstract partial class SqlGradingStore
{
    /// <inheritdoc />
    public Task<RosterClaimOutcome> ClaimRosterEntryAsync(string identifier, string login, long gitHubId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        return InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO roster_claims (identifier, login, github_id, claimed_at) VALUES (@Identifier, @Login, @GitHubId, @Now)
                    ON CONFLICT DO NOTHING
                    """,
                    new { Identifier = identifier, Login = login, GitHubId = gitHubId, Now = Time(Now()) },
                    cancellationToken).ConfigureAwait(false);
                var rows = (await connection.QueryAsync<RosterClaimRow>(Command(
                    $"SELECT {RosterClaimRow.Columns} FROM roster_claims WHERE identifier = @Identifier OR lower(login) = lower(@Login)",
                    new { Identifier = identifier, Login = login },
                    transaction,
                    cancellationToken)).ConfigureAwait(false)).Select(r => r.ToClaim()).ToList();
                var ofIdentifier = rows.FirstOrDefault(r => r.Identifier == identifier);
                if (ofIdentifier is not null)
                {
                    return string.Equals(ofIdentifier.Login, login, StringComparison.OrdinalIgnoreCase)
                        ? new RosterClaimOutcome(RosterClaimResult.Claimed, ofIdentifier)
                        : new RosterClaimOutcome(RosterClaimResult.TakenByOther, ofIdentifier);
                }

                var ofLogin = rows.FirstOrDefault(r => string.Equals(r.Login, login, StringComparison.OrdinalIgnoreCase))
                    ?? throw new GradingStoreException($"The roster claim of '{identifier}' was neither made nor refused by an existing claim in {Describe()}.");
                return new RosterClaimOutcome(RosterClaimResult.LoginHoldsOther, ofLogin);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RosterClaim>> ListRosterClaimsAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<RosterClaimRow>(Command(
                $"SELECT {RosterClaimRow.Columns} FROM roster_claims ORDER BY identifier", null, null, cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => r.ToClaim())];
        }
    }

    /// <inheritdoc />
    public async Task<RosterClaim?> UnlinkRosterEntryAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleOrDefaultAsync<RosterClaimRow>(Command(
                $"DELETE FROM roster_claims WHERE identifier = @Identifier RETURNING {RosterClaimRow.Columns}",
                new { Identifier = identifier },
                null,
                cancellationToken)).ConfigureAwait(false);
            return row?.ToClaim();
        }
    }
}
