using System.Text;
using System.Text.Json;

namespace GitGrader.Core.Assignments;

/// <summary>
/// The line of every value in a JSON document, by dotted path (<c>tests[1].points</c>), and how each reads in an
/// error message. Building it is also the syntax check: a malformed document throws <see cref="AssignmentFormatException"/>.
/// </summary>
internal sealed class JsonLineMap
{
    private const int MaxPreview = 40;

    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _found = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    /// <summary>Reader options matching <see cref="ClassroomJsonContext"/>: comments and trailing commas allowed.</summary>
    public static JsonReaderOptions ReaderOptions { get; } = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Walks <paramref name="utf8"/> (without a byte-order mark).</summary>
    /// <exception cref="AssignmentFormatException">The JSON is malformed or repeats a property.</exception>
    public static JsonLineMap Build(string filePath, ReadOnlySpan<byte> utf8)
    {
        var map = new JsonLineMap();
        var newlines = new List<int>();
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        // Each open container: its path; for an object its property names so far and the open one; for an array the next index.
        var frames = new Stack<(string Path, HashSet<string>? Properties, string? Property, int Index)>();
        var currentPath = string.Empty;
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            while (reader.Read())
            {
                var line = LineAt(newlines, (int)reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        {
                            var (path, properties, _, index) = frames.Pop();
                            var name = reader.GetString() ?? string.Empty;
                            currentPath = Join(path, name);
                            if (!properties!.Add(name))
                            {
                                throw new AssignmentFormatException(filePath, line, currentPath, $"duplicate key '{name}'");
                            }

                            frames.Push((path, properties, name, index));
                            continue;
                        }

                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        currentPath = frames.Count > 0 ? frames.Peek().Path : string.Empty;
                        continue;
                }

                // A value: name it after its place in the parent.
                if (frames.Count > 0)
                {
                    var (path, properties, property, index) = frames.Pop();
                    currentPath = properties is null ? $"{path}[{index}]" : Join(path, property ?? string.Empty);
                    frames.Push((path, properties, property, properties is null ? index + 1 : index));
                }

                map._lines.TryAdd(currentPath, line);
                map._found[currentPath] = Describe(ref reader);
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    frames.Push((currentPath, new HashSet<string>(StringComparer.Ordinal), null, 0));
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    frames.Push((currentPath, null, null, 0));
                }
            }
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } zeroBased ? (int)zeroBased + 1 : (int?)null;
            throw new AssignmentFormatException(filePath, line, currentPath.Length == 0 ? null : currentPath, $"invalid JSON: {WithoutPosition(exception.Message)}");
        }

        return map;
    }

    /// <summary>STJ's message without its " Path: … | LineNumber: … | BytePositionInLine: …." tail.</summary>
    public static string WithoutPosition(string message)
    {
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        return message.TrimEnd();
    }

    /// <summary>The 1-based line where the value at <paramref name="path"/> starts, if there is one.</summary>
    public int? LineOf(string path) => _lines.TryGetValue(path, out var line) ? line : null;

    /// <summary>How the value at <paramref name="path"/> reads in "but found …".</summary>
    public string Describe(string path) => _found.TryGetValue(path, out var found) ? found : "nothing";

    private static string Describe(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return "an object";
            case JsonTokenType.StartArray:
                return "a list";
            case JsonTokenType.Null:
                return "null";
            case JsonTokenType.String:
                var text = (reader.GetString() ?? string.Empty).ReplaceLineEndings("\\n");
                return $"'{(text.Length <= MaxPreview ? text : string.Concat(text.AsSpan(0, MaxPreview - 3), "..."))}'";
            default:
                var raw = reader.HasValueSequence ? string.Empty : Encoding.UTF8.GetString(reader.ValueSpan);
                return $"'{(raw.Length <= MaxPreview ? raw : string.Concat(raw.AsSpan(0, MaxPreview - 3), "..."))}'";
        }
    }

    private static int LineAt(List<int> newlines, int offset)
    {
        var index = newlines.BinarySearch(offset);
        return (index < 0 ? ~index : index) + 1;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
