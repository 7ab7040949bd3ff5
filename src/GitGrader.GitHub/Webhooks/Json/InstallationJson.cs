namespace GitGrader.GitHub.Webhooks.Json;

/// <summary><c>installation</c> of a delivery.</summary>
internal sealed class InstallationJson
{
    public long? Id { get; init; }

    public UserJson? Account { get; init; }
}
