using System.Text.Json.Nodes;
using GitGrader.AppTests.Support;

namespace GitGrader.AppTests.Units;

/// <summary>
/// The real example payloads of npm <c>@octokit/webhooks-examples</c> (api.github.com/index.json), read
/// straight from <c>tests/npm/node_modules</c>, with helpers to point them at a repository.
/// </summary>
public static class WebhookExamples
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonArray>> ByEvent = new(Load);

    public static string IndexPath => Path.Combine(RepositoryPaths.Root, "tests", "npm", "node_modules", "@octokit", "webhooks-examples", "api.github.com", "index.json");

    /// <summary>A fresh copy of every example of <paramref name="eventName"/> matching <paramref name="where"/>.</summary>
    public static IReadOnlyList<JsonObject> All(string eventName, Func<JsonObject, bool>? where = null)
    {
        var examples = ByEvent.Value.TryGetValue(eventName, out var found)
            ? found.OfType<JsonObject>().Where(e => where?.Invoke(e) ?? true).Select(e => (JsonObject)e.DeepClone()).ToList()
            : [];
        return examples.Count > 0
            ? examples
            : throw new InvalidOperationException($"{IndexPath} has no '{eventName}' example that matches.");
    }

    /// <summary>A fresh copy of the first example of <paramref name="eventName"/> matching <paramref name="where"/>.</summary>
    public static JsonObject First(string eventName, Func<JsonObject, bool>? where = null) => All(eventName, where)[0];

    /// <summary>The first example with <c>action</c> <paramref name="action"/>.</summary>
    public static JsonObject WithAction(string eventName, string action) => First(eventName, e => Text(e, "action") == action);

    /// <summary>Points <paramref name="payload"/> at <c>{owner}/{name}</c>, installed as <paramref name="installationId"/> (null removes it).</summary>
    public static JsonObject At(this JsonObject payload, string owner, string name, long? installationId)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var repository = payload["repository"]!.AsObject();
        repository["name"] = name;
        repository["full_name"] = $"{owner}/{name}";
        repository["owner"]!["login"] = owner;
        if (repository["owner"]!.AsObject().ContainsKey("name"))
        {
            repository["owner"]!["name"] = owner;
        }

        if (installationId is { } id)
        {
            payload["installation"] = new JsonObject { ["id"] = id, ["node_id"] = "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u" + id };
        }
        else
        {
            payload.Remove("installation");
        }

        return payload;
    }

    public static string? Text(JsonNode? node, string property) =>
        node is JsonObject o && o[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IReadOnlyDictionary<string, JsonArray> Load()
    {
        if (!File.Exists(IndexPath))
        {
            throw new InvalidOperationException($"{IndexPath} is missing: run `npm ci --prefix tests/npm` in {RepositoryPaths.Root} to install the test data.");
        }

        using var stream = File.OpenRead(IndexPath);
        var root = JsonNode.Parse(stream) as JsonArray ?? throw new InvalidOperationException($"{IndexPath} is not a JSON array.");
        return root.OfType<JsonObject>()
            .Where(e => Text(e, "name") is not null && e["examples"] is JsonArray)
            .ToDictionary(e => Text(e, "name")!, e => (JsonArray)e["examples"]!, StringComparer.Ordinal);
    }
}
