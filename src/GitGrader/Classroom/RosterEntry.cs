namespace GitGrader.Classroom;

/// <summary>One row of GitHub Classroom's roster.</summary>
/// <param name="Identifier">The course's identifier for the student (e-mail, student number, …).</param>
/// <param name="GitHubUsername">GitHub login, empty when the student has not linked an account yet.</param>
/// <param name="GitHubId">GitHub user id, when linked.</param>
/// <param name="Name">Display name.</param>
public sealed record RosterEntry(string Identifier, string GitHubUsername, string? GitHubId, string? Name);
