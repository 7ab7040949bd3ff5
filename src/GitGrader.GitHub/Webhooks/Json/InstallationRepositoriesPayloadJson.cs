namespace GitGrader.GitHub.Webhooks.Json;

/// <summary>An <c>installation_repositories</c> body.</summary>
internal sealed class InstallationRepositoriesPayloadJson : PayloadJson
{
    public List<RepositoryJson?>? RepositoriesAdded { get; init; }

    public List<RepositoryJson?>? RepositoriesRemoved { get; init; }
}
