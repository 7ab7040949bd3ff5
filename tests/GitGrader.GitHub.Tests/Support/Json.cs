using System.Text.Json;

namespace GitGrader.GitHub.Tests.Support;

/// <summary>Reads a value out of a payload by dotted path, independently of the parser under test.</summary>
internal static class Json
{
    /// <summary>The element at <paramref name="path"/> (e.g. <c>repository.owner.login</c>), or null when absent or null.</summary>
    public static JsonElement? At(JsonElement root, string path)
    {
        var current = root;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current) || current.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
        }

        return current;
    }

    public static string? String(JsonElement root, string path) => At(root, path)?.GetString();

    public static long? Long(JsonElement root, string path) => At(root, path)?.GetInt64();

    public static bool? Bool(JsonElement root, string path) => At(root, path)?.GetBoolean();

    /// <summary><c>full_name</c> of each item of the array at <paramref name="path"/>; empty when absent.</summary>
    public static IReadOnlyList<string> FullNames(JsonElement root, string path)
        => At(root, path) is { } array ? [.. array.EnumerateArray().Select(item => item.GetProperty("full_name").GetString()!)] : [];
}
