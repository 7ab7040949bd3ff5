using GitGrader.GitHubStandIn.Git;

namespace GitGrader.GitHubStandIn.State;

/// <summary>
/// Every push's ref changes per repository, as GitHub's repository activity lists them: <c>branch_creation</c> for a new
/// ref, <c>branch_deletion</c> for a deleted one, <c>push</c> otherwise (the stand-in does not tell force pushes apart).
/// Recorded when the push lands, whether or not its webhook is ever delivered.
/// </summary>
internal sealed class ActivityLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<ActivityRecord>> _byRepository = new(StringComparer.OrdinalIgnoreCase);
    private long _lastId = 1_296_000;

    /// <summary>Records a push of <paramref name="updates"/> by <paramref name="actor"/> at <paramref name="at"/>.</summary>
    public void Record(RepoRecord repository, IReadOnlyList<RefUpdate> updates, string actor, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (!_byRepository.TryGetValue(repository.FullName, out var entries))
            {
                _byRepository[repository.FullName] = entries = [];
            }

            foreach (var update in updates)
            {
                var type = update.Created ? "branch_creation" : update.Deleted ? "branch_deletion" : "push";
                entries.Add(new ActivityRecord(++_lastId, update.Before, update.After, update.Ref, at, type, actor));
            }
        }
    }

    /// <summary>The repository's activity, oldest first.</summary>
    public IReadOnlyList<ActivityRecord> Of(RepoRecord repository)
    {
        lock (_lock)
        {
            return _byRepository.TryGetValue(repository.FullName, out var entries) ? [.. entries] : [];
        }
    }
}
