using Dapper;

namespace GitGrader.Storage.Sql;

/// <summary>Deliveries never received, and the ones asked for again.</summary>
internal abstract partial class SqlGradingStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListUnknownDeliveriesAsync(IReadOnlyCollection<string> deliveryIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        if (deliveryIds.Count == 0)
        {
            return [];
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // The IN list spelled out: Dapper hands a list to Npgsql as one array parameter, which IN does not take.
            foreach (var chunk in deliveryIds.Distinct(StringComparer.Ordinal).Chunk(500))
            {
                var parameters = new DynamicParameters();
                for (var i = 0; i < chunk.Length; i++)
                {
                    parameters.Add($"Id{i}", chunk[i]);
                }

                var list = string.Join(", ", Enumerable.Range(0, chunk.Length).Select(i => $"@Id{i}"));
                known.UnionWith(await connection.QueryAsync<string>(Command(
                    $"SELECT id FROM deliveries WHERE id IN ({list})", parameters, null, cancellationToken)).ConfigureAwait(false));
            }
        }

        return [.. deliveryIds.Distinct(StringComparer.Ordinal).Where(id => !known.Contains(id))];
    }

    /// <inheritdoc />
    public async Task<bool> ClaimRedeliveryAsync(string deliveryId, string eventName, DateTimeOffset firstAttemptAt, TimeSpan askAgainAfter, int maxAsks, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAsks);
        var now = Now();
        var changed = await ExecuteAsync(
            """
            INSERT INTO redeliveries (guid, event, original_at, asked_at, asks) VALUES (@Guid, @Event, @OriginalAt, @Now, 1)
            ON CONFLICT (guid) DO UPDATE SET asked_at = excluded.asked_at, asks = redeliveries.asks + 1
            WHERE redeliveries.asked_at <= @AskedBefore AND redeliveries.asks < @MaxAsks
            """,
            new { Guid = deliveryId, Event = eventName, OriginalAt = Time(StoreTime.Normalize(firstAttemptAt)), Now = Time(now), AskedBefore = Time(now - askAgainAfter), MaxAsks = maxAsks },
            cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<KnownRepository>> ListKnownRepositoriesAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<KnownRepositoryRow>(Command(
                """
                SELECT s.repository AS Repository, s.assignment AS Assignment, s.student AS Student, s.installation_id AS InstallationId
                FROM submissions s
                WHERE s.id = (SELECT MAX(l.id) FROM submissions l WHERE l.repository = s.repository AND l.assignment = s.assignment)
                ORDER BY s.repository, s.assignment
                """,
                null,
                null,
                cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => new KnownRepository(r.Repository, r.Assignment, r.Student, r.InstallationId))];
        }
    }
}
