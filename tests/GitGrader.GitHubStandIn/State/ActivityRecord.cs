namespace GitGrader.GitHubStandIn.State;

/// <summary>One entry of a repository's activity (<c>GET /repos/{o}/{r}/activity</c>): a ref a push moved.</summary>
internal sealed record ActivityRecord(long Id, string Before, string After, string Ref, DateTimeOffset Timestamp, string ActivityType, string Actor);
