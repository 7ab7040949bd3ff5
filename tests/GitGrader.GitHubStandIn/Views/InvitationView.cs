using GitGrader.GitHub;

namespace GitGrader.GitHubStandIn;

/// <summary>A pending invitation to collaborate.</summary>
/// <param name="Id">Invitation id.</param>
/// <param name="Repository">The repository.</param>
/// <param name="InviteeLogin">Who is invited.</param>
/// <param name="Permissions"><c>read</c>, <c>triage</c>, <c>write</c>, <c>maintain</c> or <c>admin</c>.</param>
public sealed record InvitationView(long Id, RepositoryRef Repository, string InviteeLogin, string Permissions);
