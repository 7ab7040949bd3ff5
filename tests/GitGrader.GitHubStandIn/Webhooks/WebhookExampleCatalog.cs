using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace GitGrader.GitHubStandIn.Webhooks;

/// <summary>The real example payloads of <c>@octokit/webhooks-examples</c> (api.github.com), loaded once per process.</summary>
internal sealed class WebhookExampleCatalog
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, JsonArray>>> Loaded = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, JsonArray> _byEvent;

    /// <summary>Loads (or reuses) the examples under <paramref name="npmDirectory"/>.</summary>
    public WebhookExampleCatalog(string npmDirectory)
    {
        var path = Path.Combine(npmDirectory, "node_modules", "@octokit", "webhooks-examples", "api.github.com", "index.json");
        _byEvent = Loaded.GetOrAdd(path, p => new Lazy<IReadOnlyDictionary<string, JsonArray>>(() => Load(p))).Value;
    }

    /// <summary>Event names that have examples.</summary>
    public IReadOnlyCollection<string> EventNames => [.. _byEvent.Keys];

    /// <summary>
    /// A fresh copy of an example of <paramref name="eventName"/> (with <paramref name="action"/> when given),
    /// preferring one that has <c>installation</c> and satisfies <paramref name="prefer"/>.
    /// </summary>
    public JsonObject Get(string eventName, string? action = null, Func<JsonObject, bool>? prefer = null)
    {
        if (!_byEvent.TryGetValue(eventName, out var examples))
        {
            throw new ArgumentException($"@octokit/webhooks-examples has no '{eventName}' example (it has {string.Join(", ", _byEvent.Keys.Order(StringComparer.Ordinal))}).", nameof(eventName));
        }

        var candidates = examples.OfType<JsonObject>()
            .Where(e => action is null || e["action"]?.GetValue<string>() == action)
            .ToList();
        if (candidates.Count == 0)
        {
            throw new ArgumentException($"@octokit/webhooks-examples has no '{eventName}' example with action '{action}'.", nameof(action));
        }

        var best = candidates
            .OrderByDescending(e => prefer?.Invoke(e) ?? false)
            .ThenByDescending(e => e.ContainsKey("installation"))
            .First();
        return (JsonObject)best.DeepClone();
    }

    private static IReadOnlyDictionary<string, JsonArray> Load(string path)
    {
        using var stream = File.OpenRead(path);
        var root = JsonNode.Parse(stream) as JsonArray ?? throw new InvalidOperationException($"{path} is not a JSON array.");
        var byEvent = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var entry in root.OfType<JsonObject>())
        {
            if (entry["name"]?.GetValue<string>() is { } name && entry["examples"] is JsonArray examples)
            {
                byEvent[name] = examples;
            }
        }

        return byEvent;
    }
}
