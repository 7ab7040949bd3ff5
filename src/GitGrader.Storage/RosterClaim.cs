namespace GitGrader.Storage;

/// <summary>A roster entry linked to a GitHub account by the student, through an invitation link.</summary>
/// <param name="Identifier">The roster's <c>identifier</c>.</param>
/// <param name="Login">The GitHub login that claimed it, as GitHub spelled it at sign-in.</param>
/// <param name="GitHubId">The GitHub user id of that login.</param>
/// <param name="ClaimedAt">When it was claimed.</param>
public sealed record RosterClaim(string Identifier, string Login, long GitHubId, DateTimeOffset ClaimedAt);
