using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace GitGrader.Core.Assignments;

/// <summary>
/// Typed access to one YAML mapping of an assignment file, turning every problem into an
/// <see cref="AssignmentFormatException"/> that names the file, the line and the dotted key.
/// </summary>
internal sealed class YamlMappingReader
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="node"/>; any key not in <paramref name="allowedKeys"/> is an error.</summary>
    public YamlMappingReader(string filePath, YamlMappingNode node, string path, IReadOnlyCollection<string> allowedKeys)
    {
        FilePath = filePath;
        Node = node;
        Path = path;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new AssignmentFormatException(FilePath, ToLine(key.Start), NullIfEmpty(path), $"expected a key name but found {Describe(key)}");
            }

            if (!allowedKeys.Contains(name))
            {
                throw new AssignmentFormatException(FilePath, ToLine(key.Start), KeyPath(name), Suggestions.UnknownKey(name, allowedKeys));
            }

            _entries[name] = ((YamlScalarNode)key, value);
        }
    }

    /// <summary>The file being read.</summary>
    public string FilePath { get; }

    /// <summary>The mapping.</summary>
    public YamlMappingNode Node { get; }

    /// <summary>Dotted path of the mapping itself; empty at the root.</summary>
    public string Path { get; }

    /// <summary>Line of the mapping's first key.</summary>
    public int Line => ToLine(Node.Start);

    /// <summary>Whether a plain empty value, <c>~</c> or <c>null</c>: YAML's null, which counts as not given.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>The 1-based line of a mark, as the exception wants it.</summary>
    public static int ToLine(YamlDotNet.Core.Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

    /// <summary>How a node reads in "but found …".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ when IsNull(node) => "nothing",
        YamlScalarNode { Value: { } value } => $"'{Shorten(value)}'",
        _ => "something else",
    };

    /// <summary>The dotted path of <paramref name="key"/> in this mapping.</summary>
    public string KeyPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>Whether <paramref name="key"/> is written, even with no value.</summary>
    public bool HasKey(string key) => _entries.ContainsKey(key);

    /// <summary>Whether <paramref name="key"/> is written with a value that is not null.</summary>
    public bool Contains(string key) => TryGetNode(key, out _);

    /// <summary>The value of <paramref name="key"/>, unless absent or null.</summary>
    public bool TryGetNode(string key, out YamlNode node)
    {
        if (_entries.TryGetValue(key, out var entry) && !IsNull(entry.Value))
        {
            node = entry.Value;
            return true;
        }

        node = Node;
        return false;
    }

    /// <summary>Line of the value of <paramref name="key"/> (of the key when it has none; of the mapping when absent).</summary>
    public int LineOf(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return Line;
        }

        return IsNull(entry.Value) ? ToLine(entry.Key.Start) : ToLine(entry.Value.Start);
    }

    /// <summary>An error about <paramref name="key"/>, at its line.</summary>
    public AssignmentFormatException Error(string key, string problem) => new(FilePath, LineOf(key), KeyPath(key), problem);

    /// <summary>An error about a required key that is absent (or null).</summary>
    public AssignmentFormatException Missing(string key, string? hint = null)
    {
        var problem = HasKey(key) ? "has no value" : "is required but missing";
        return Error(key, hint is null ? problem : $"{problem}; {hint}");
    }

    /// <summary>A wrong-type error: "expected … but found …".</summary>
    public AssignmentFormatException WrongType(string key, string expected, YamlNode found) =>
        Error(key, $"expected {expected} but found {Describe(found)}");

    /// <summary>A string value, or null when absent.</summary>
    public string? OptionalString(string key)
    {
        if (!TryGetNode(key, out var node))
        {
            return null;
        }

        return node is YamlScalarNode { Value: { } value } ? value : throw WrongType(key, "a string", node);
    }

    /// <summary>A string value with something other than whitespace in it.</summary>
    public string RequiredString(string key, string? hint = null)
    {
        var value = OptionalString(key) ?? throw Missing(key, hint);
        return string.IsNullOrWhiteSpace(value) ? throw Error(key, "must not be empty") : value;
    }

    /// <summary>A finite number, or null when absent.</summary>
    public double? OptionalNumber(string key)
    {
        if (!TryGetNode(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            return value;
        }

        throw WrongType(key, "a number", node);
    }

    /// <summary>A whole number, or null when absent.</summary>
    public int? OptionalInteger(string key)
    {
        if (!TryGetNode(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text }
            && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw WrongType(key, "a whole number", node);
    }

    /// <summary>A duration (<see cref="DurationParser"/>), or null when absent.</summary>
    public TimeSpan? OptionalDuration(string key)
    {
        if (!TryGetNode(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && DurationParser.TryParse(text, out var value))
        {
            return value;
        }

        throw WrongType(key, $"a duration such as {DurationParser.Examples}", node);
    }

    /// <summary>A byte size (<see cref="ByteSizeParser"/>), or null when absent.</summary>
    public long? OptionalByteSize(string key)
    {
        if (!TryGetNode(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && ByteSizeParser.TryParse(text, out var value))
        {
            return value;
        }

        throw WrongType(key, $"a size such as {ByteSizeParser.Examples}", node);
    }

    /// <summary>One of <paramref name="choices"/> (matched ignoring case), or null when absent.</summary>
    public T? OptionalChoice<T>(string key, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return null;
        }

        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw Error(key, Suggestions.UnknownValue(key, text, choices.Keys.ToArray()));
    }

    /// <summary>A list, or null when absent.</summary>
    public YamlSequenceNode? OptionalSequence(string key)
    {
        if (!TryGetNode(key, out var node))
        {
            return null;
        }

        return node as YamlSequenceNode ?? throw WrongType(key, "a list", node);
    }

    /// <summary>A mapping, or null when absent.</summary>
    public YamlMappingNode? OptionalMapping(string key)
    {
        if (!TryGetNode(key, out var node))
        {
            return null;
        }

        return node as YamlMappingNode ?? throw WrongType(key, "a mapping", node);
    }

    private static string? NullIfEmpty(string path) => path.Length == 0 ? null : path;

    private static string Shorten(string value)
    {
        var oneLine = value.ReplaceLineEndings("\\n");
        return oneLine.Length <= 40 ? oneLine : string.Concat(oneLine.AsSpan(0, 37), "...");
    }
}
