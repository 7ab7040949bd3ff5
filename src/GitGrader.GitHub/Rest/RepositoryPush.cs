namespace GitGrader.GitHub.Rest;

/// <summary>
/// A push as GitHub's repository activity records it: the ref it moved, from <paramref name="Before"/> to
/// <paramref name="After"/>, at <paramref name="PushedAt"/> (GitHub's time of the push, not the commit's date), by
/// <paramref name="Actor"/> (null when the account is gone). <paramref name="ActivityType"/> is GitHub's:
/// <c>push</c>, <c>force_push</c>, <c>branch_creation</c>, <c>branch_deletion</c>, <c>pr_merge</c>, <c>merge_queue_merge</c>.
/// </summary>
public sealed record RepositoryPush(long Id, string Ref, string Before, string After, DateTimeOffset PushedAt, string ActivityType, string? Actor)
{
    /// <summary>The ref's new head is a commit (not a deletion).</summary>
    public bool LeavesAHead => ActivityType != "branch_deletion" && After.Any(c => c != '0');
}
