namespace GitGrader.GitHubStandIn.State;

/// <summary>A pending invitation to collaborate on a repository.</summary>
/// <param name="Id">GitHub's invitation id.</param>
/// <param name="Repository">The repository.</param>
/// <param name="InviteeLogin">Who is invited.</param>
/// <param name="Permissions">What it grants, in the invitations API's words: <c>read</c>, <c>triage</c>, <c>write</c>, <c>maintain</c>, <c>admin</c>.</param>
/// <param name="InviterLogin">Who invited (the App's bot).</param>
/// <param name="CreatedAt">When.</param>
internal sealed record InvitationRecord(long Id, RepoRecord Repository, string InviteeLogin, string Permissions, string InviterLogin, DateTimeOffset CreatedAt);
