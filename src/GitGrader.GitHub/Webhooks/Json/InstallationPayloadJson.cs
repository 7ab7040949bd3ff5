namespace GitGrader.GitHub.Webhooks.Json;

/// <summary>An <c>installation</c> body.</summary>
internal sealed class InstallationPayloadJson : PayloadJson
{
    public List<RepositoryJson?>? Repositories { get; init; }
}
