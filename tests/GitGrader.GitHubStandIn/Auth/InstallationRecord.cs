namespace GitGrader.GitHubStandIn.Auth;

/// <summary>The App installed on an account.</summary>
internal sealed record InstallationRecord(long Id, string AccountLogin, long AccountId, DateTimeOffset CreatedAt);
