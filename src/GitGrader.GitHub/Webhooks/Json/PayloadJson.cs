namespace GitGrader.GitHub.Webhooks.Json;

/// <summary>The members every delivery may carry.</summary>
internal abstract class PayloadJson
{
    public string? Action { get; init; }

    public InstallationJson? Installation { get; init; }

    public UserJson? Sender { get; init; }

    public RepositoryJson? Repository { get; init; }
}
