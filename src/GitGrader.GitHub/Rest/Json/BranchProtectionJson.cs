namespace GitGrader.GitHub.Rest.Json;

/// <summary>
/// <c>PUT /repos/{o}/{r}/branches/{b}/protection</c>: GitHub requires all four of <c>required_status_checks</c>,
/// <c>enforce_admins</c>, <c>required_pull_request_reviews</c> and <c>restrictions</c>, each nullable, which the
/// source-generated context (nulls left out) cannot write; so the body is fixed text.
/// </summary>
internal static class BranchProtectionJson
{
    /// <summary>The branch read-only (<c>lock_branch</c>) for everyone, administrators included; no force push, no deletion.</summary>
    public const string Locked =
        "{\"required_status_checks\":null,\"enforce_admins\":true,\"required_pull_request_reviews\":null,\"restrictions\":null,"
        + "\"allow_force_pushes\":false,\"allow_deletions\":false,\"lock_branch\":true}";
}
