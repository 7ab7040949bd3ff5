using System.Text.Json.Nodes;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>An issue or pull request in an issue listing: what filters and sorts read, and its JSON on demand.</summary>
internal sealed record ListedIssue(int Number, string State, string Author, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, Func<JsonObject> Json);
