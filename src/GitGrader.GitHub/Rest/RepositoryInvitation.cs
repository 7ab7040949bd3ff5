namespace GitGrader.GitHub.Rest;

/// <summary>A pending invitation to collaborate on a repository: its id, the invitee, and the permission it grants (<c>read</c>, <c>write</c>, …).</summary>
public sealed record RepositoryInvitation(long Id, string InviteeLogin, string Permissions);
