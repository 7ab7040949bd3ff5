using System.Text;
using System.Text.Json;

namespace GitGrader.GitHub.Tests.Support;

/// <summary>
/// The real payloads of npm <c>@octokit/webhooks-examples</c> (<c>api.github.com/index.json</c>: an array of
/// <c>{name, actions, examples[]}</c>), each as the raw JSON text it has in that file.
/// </summary>
internal static class WebhookExamples
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> ByEvent = new(Load);

    public static string IndexPath => Path.Combine(RepoRoot.NpmPackage("@octokit/webhooks-examples"), "api.github.com", "index.json");

    /// <summary>Every event name with its example bodies.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> All => ByEvent.Value;

    /// <summary>The examples of <paramref name="eventName"/>.</summary>
    public static IReadOnlyList<string> Of(string eventName)
        => All.TryGetValue(eventName, out var examples) && examples.Count > 0
            ? examples
            : throw new InvalidOperationException($"{IndexPath} has no examples of '{eventName}'.");

    /// <summary>Example <paramref name="index"/> of <paramref name="eventName"/>, as UTF-8.</summary>
    public static byte[] Body(string eventName, int index) => Encoding.UTF8.GetBytes(Of(eventName)[index]);

    /// <summary>Theory data: the index of each example of <paramref name="eventName"/>.</summary>
    public static TheoryData<int> Indexes(string eventName)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Of(eventName).Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(IndexPath));
        var byEvent = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var webhook in document.RootElement.EnumerateArray())
        {
            var name = webhook.GetProperty("name").GetString()!;
            byEvent[name] = [.. webhook.GetProperty("examples").EnumerateArray().Select(example => example.GetRawText())];
        }

        return byEvent;
    }
}
