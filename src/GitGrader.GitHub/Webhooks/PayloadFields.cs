using GitGrader.GitHub.Webhooks.Json;

namespace GitGrader.GitHub.Webhooks;

/// <summary>Demands the members of one event's body that GitGrader needs, naming the event and the JSON path when one is absent.</summary>
internal sealed class PayloadFields(string eventName)
{
    /// <summary>The object at <paramref name="path"/>, which must be present.</summary>
    public T Object<T>(T? value, string path)
        where T : class
        => value ?? throw Missing(path);

    /// <summary>The number at <paramref name="path"/>, which must be present.</summary>
    public long Number(long? value, string path) => value ?? throw Missing(path);

    /// <summary>The number at <paramref name="path"/>, which must be present.</summary>
    public int Number(int? value, string path) => value ?? throw Missing(path);

    /// <summary>The non-empty string at <paramref name="path"/>.</summary>
    public string Text(string? value, string path) => string.IsNullOrEmpty(value) ? throw Missing(path) : value;

    /// <summary>The delivery's <c>repository</c>, which must be present.</summary>
    public WebhookRepository Repository(RepositoryJson? repository)
    {
        var repo = Object(repository, "$.repository");
        var owner = Object(repo.Owner, "$.repository.owner");
        return new WebhookRepository(
            Number(repo.Id, "$.repository.id"),
            Text(owner.Login, "$.repository.owner.login"),
            Text(repo.Name, "$.repository.name"),
            repo.CloneUrl,
            repo.DefaultBranch);
    }

    /// <summary><c>installation.account.login</c> of an installation event, which must be present.</summary>
    public string AccountLogin(InstallationJson? installation)
    {
        var present = Object(installation, "$.installation");
        Number(present.Id, "$.installation.id");
        var account = Object(present.Account, "$.installation.account");
        return Text(account.Login, "$.installation.account.login");
    }

    /// <summary>The <c>full_name</c> of each repository listed at <paramref name="path"/>; no list is an empty one.</summary>
    public IReadOnlyList<string> FullNames(List<RepositoryJson?>? repositories, string path)
    {
        if (repositories is null)
        {
            return [];
        }

        var names = new string[repositories.Count];
        for (var i = 0; i < names.Length; i++)
        {
            var item = Object(repositories[i], $"{path}[{i}]");
            names[i] = Text(item.FullName, $"{path}[{i}].full_name");
        }

        return names;
    }

    private WebhookPayloadException Missing(string path)
        => new($"The {eventName} payload is not valid: {path} is missing, null or empty.");
}
