using Octokit.Webhooks.Models;

namespace GitGrader.GitHub.Webhooks;

/// <summary>
/// Demands the members of one event's body that GitGrader needs, naming the event and the JSON path when one is absent.
/// Octokit.Webhooks' models are read with none of their members required (see <see cref="OctokitPayloads"/>), so an
/// absent object or string is null here, and an absent id is 0 (GitHub's ids start at 1).
/// </summary>
internal sealed class PayloadFields(string eventName)
{
    /// <summary>The event, as <c>X-GitHub-Event</c> names it.</summary>
    public string EventName => eventName;

    /// <summary>The object at <paramref name="path"/>, which must be present.</summary>
    public T Object<T>(T? value, string path)
        where T : class
        => value ?? throw Missing(path);

    /// <summary>The non-empty string at <paramref name="path"/>.</summary>
    public string Text(string? value, string path) => string.IsNullOrEmpty(value) ? throw Missing(path) : value;

    /// <summary>The id at <paramref name="path"/>, which must be present (a positive number).</summary>
    public long Id(long value, string path) => value > 0 ? value : throw Invalid(path, "is missing or not a positive number");

    /// <summary>A pull request or issue number at <paramref name="path"/> (1 to <see cref="int.MaxValue"/>).</summary>
    public int Number(long value, string path) => value is > 0 and <= int.MaxValue
        ? (int)value
        : throw Invalid(path, $"is {(value == 0 ? "missing" : value.ToString(System.Globalization.CultureInfo.InvariantCulture))}, not a number from 1 to {int.MaxValue}");

    /// <summary>The delivery's <c>repository</c>, which must be present.</summary>
    public WebhookRepository Repository(Repository? repository)
    {
        var repo = Object(repository, "$.repository");
        var owner = Object(repo.Owner, "$.repository.owner");
        return new WebhookRepository(
            Id(repo.Id, "$.repository.id"),
            Text(owner.Login, "$.repository.owner.login"),
            Text(repo.Name, "$.repository.name"),
            repo.CloneUrl,
            repo.DefaultBranch);
    }

    /// <summary><c>installation.account.login</c> of an installation event, which must be present.</summary>
    public string AccountLogin(Installation? installation)
    {
        var present = Object(installation, "$.installation");
        Id(present.Id, "$.installation.id");
        var account = Object(present.Account, "$.installation.account");
        return Text(account.Login, "$.installation.account.login");
    }

    /// <summary>The <c>full_name</c> of each repository listed at <paramref name="path"/>; no list is an empty one.</summary>
    public IReadOnlyList<string> FullNames<T>(IReadOnlyList<T?>? repositories, Func<T, string?> fullName, string path)
        where T : class
    {
        if (repositories is null)
        {
            return [];
        }

        var names = new string[repositories.Count];
        for (var i = 0; i < names.Length; i++)
        {
            var item = Object(repositories[i], $"{path}[{i}]");
            names[i] = Text(fullName(item), $"{path}[{i}].full_name");
        }

        return names;
    }

    /// <summary>The error for a member GitGrader needs that is absent.</summary>
    public WebhookPayloadException Missing(string path) => Invalid(path, "is missing, null or empty");

    /// <summary>The error for the member at <paramref name="path"/>, which <paramref name="problem"/> describes.</summary>
    public WebhookPayloadException Invalid(string path, string problem)
        => new($"The {eventName} payload is not valid: {path} {problem}.");

    /// <summary>An optional id: null when absent (0).</summary>
    public static long? OptionalId(long? value) => value is > 0 ? value : null;
}
