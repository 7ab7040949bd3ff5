namespace GitGrader.GitHub.Rest;

/// <summary>A GitHub account (<c>GET /users/{username}</c>): its id, its login as GitHub spells it, and its type (<c>User</c>, <c>Organization</c>, <c>Bot</c>).</summary>
public sealed record GitHubUser(long Id, string Login, string Type);
