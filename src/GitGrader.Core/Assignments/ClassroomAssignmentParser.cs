using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GitGrader.Core.Assignments;

/// <summary>Reads GitHub Classroom's <c>autograding.json</c>.</summary>
internal sealed partial class ClassroomAssignmentParser
{
    /// <summary><c>education/autograding</c>: <c>(test.timeout || 1) * 60 * 1000</c>, setup and run sharing it.</summary>
    private const double DefaultTimeoutMinutes = 1;
    private const double MaxTimeoutMinutes = 60;

    private static readonly string[] RootKeys = ["tests"];
    private static readonly string[] TestKeys = ["name", "setup", "run", "input", "output", "comparison", "timeout", "points"];
    private static readonly string[] StringKeys = ["name", "setup", "run", "input", "output", "comparison"];

    private static readonly Dictionary<string, OutputComparison> Comparisons = new(StringComparer.Ordinal)
    {
        ["included"] = OutputComparison.Included,
        ["exact"] = OutputComparison.Exact,
        ["regex"] = OutputComparison.ClassroomRegex,
    };

    private readonly string _filePath;
    private readonly string _directory;
    private readonly List<string> _warnings = [];
    private JsonLineMap? _lines;

    private ClassroomAssignmentParser(string filePath, string directory)
    {
        _filePath = filePath;
        _directory = directory;
    }

    private JsonLineMap Lines => _lines ?? throw new InvalidOperationException("The document has not been read yet.");

    /// <summary>Parses <paramref name="utf8"/>, read from <paramref name="filePath"/> in the assignment folder <paramref name="directory"/>.</summary>
    public static Assignment Parse(string filePath, string directory, ReadOnlySpan<byte> utf8) =>
        new ClassroomAssignmentParser(filePath, directory).Parse(utf8);

    private Assignment Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (IsBlank(utf8))
        {
            throw new AssignmentFormatException(_filePath, null, null, "the file is empty; it needs {\"tests\": [...]}");
        }

        _lines = JsonLineMap.Build(_filePath, utf8);

        ClassroomAutograding? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8, ClassroomJsonContext.Default.ClassroomAutograding);
        }
        catch (JsonException exception)
        {
            throw FromShapeError(exception);
        }

        if (document is null)
        {
            throw Error(string.Empty, "expected an object with a 'tests' list but found null");
        }

        if (document.Tests is null)
        {
            throw Error("tests", Lines.LineOf("tests") is null ? "is required but missing" : "expected a list of tests but found null");
        }

        if (document.Tests.Count == 0)
        {
            throw Error("tests", "must list at least one test");
        }

        WarnUnknown(document.Unknown, string.Empty, RootKeys);
        var visibility = ClassroomFolder.TestVisibility(_directory);
        var names = new Dictionary<string, int?>(StringComparer.OrdinalIgnoreCase);
        var tests = new List<TestDefinition>(document.Tests.Count);
        for (var i = 0; i < document.Tests.Count; i++)
        {
            tests.Add(ReadTest(document.Tests[i], $"tests[{i}]", visibility, names));
        }

        return ClassroomFolder.Create(_directory, tests, _warnings);
    }

    private TestDefinition ReadTest(ClassroomTest? test, string path, Visibility visibility, Dictionary<string, int?> names)
    {
        if (test is null)
        {
            throw Error(path, "expected a test object but found null");
        }

        WarnUnknown(test.Unknown, path, TestKeys);
        var name = UniqueName(Required(test.Name, path, "name").Trim(), path, names);

        var run = Required(test.Run, path, "run");

        // education/autograding switched on the value as written: 'exact', 'regex', and every other value 'included'.
        var comparison = OutputComparison.Included;
        if (test.Comparison is { } comparisonText && !Comparisons.TryGetValue(comparisonText, out comparison))
        {
            comparison = OutputComparison.Included;
            var near = Suggestions.Closest(comparisonText, Comparisons.Keys) is { } closest && closest != "included" ? $" (did you mean '{closest}'?)" : string.Empty;
            Warn($"{path}.comparison", $"'{comparisonText}' is compared as 'included', as Classroom compared every value but 'exact' and 'regex'{near}");
        }

        var minutes = test.Timeout ?? DefaultTimeoutMinutes;
        if (minutes is <= 0 or > MaxTimeoutMinutes)
        {
            throw Error($"{path}.timeout", $"must be more than 0 and at most {MaxTimeoutMinutes} (minutes) but is {Format(minutes)}");
        }

        var points = test.Points ?? 0;
        if (points < 0)
        {
            throw Error($"{path}.points", $"must be 0 or more but is {Format(points)}");
        }

        var isIo = !string.IsNullOrEmpty(test.Input) || !string.IsNullOrEmpty(test.Output);
        if (isIo && comparison == OutputComparison.ClassroomRegex)
        {
            try
            {
                _ = Grading.OutputComparer.ScriptRegex(test.Output ?? string.Empty);
            }
            catch (ArgumentException exception)
            {
                throw Error($"{path}.output", $"not a valid regular expression: {exception.Message}");
            }
        }

        // A pytest run on the instructor's files runs hardened, as the pytest kind does; else as written, said once here.
        ClassroomPytest? pytest = null;
        if (!isIo)
        {
            pytest = ClassroomPytestCommand.TryRead(run, Path.Combine(_directory, "hidden"), out var reason);
            if (reason is not null)
            {
                Warn($"{path}.run", $"runs as written, not hardened like the pytest kind: {reason}");
            }
        }

        return new TestDefinition
        {
            Name = name,
            Kind = isIo ? TestKind.Io : TestKind.Run,
            Run = run,
            HardenedPytest = pytest,
            Setup = string.IsNullOrWhiteSpace(test.Setup) ? null : test.Setup,
            Input = string.IsNullOrEmpty(test.Input) ? null : test.Input,
            Expected = isIo ? test.Output ?? string.Empty : null,
            Comparison = comparison,
            Points = points,
            Visibility = visibility,
            Timeout = TimeSpan.FromMinutes(minutes),
        };
    }

    /// <summary>The test's name, numbered when an earlier test has it (see <see cref="ClassroomFolder.Number"/>), with a warning.</summary>
    private string UniqueName(string name, string path, Dictionary<string, int?> names)
    {
        var line = Lines.LineOf($"{path}.name");
        if (ClassroomFolder.Number(name, candidate => names.TryAdd(candidate, line)) is not { } numbered)
        {
            return name;
        }

        var first = names[name] is { } at ? $" (first at line {at})" : string.Empty;
        Warn(path + ".name", $"a second test named '{name}'{first}; both run, as in Classroom, this one shown as '{numbered}'");
        return numbered;
    }

    /// <summary>Keys Classroom never read are ignored as it ignored them; a likely typo is named.</summary>
    private void WarnUnknown(Dictionary<string, JsonElement>? unknown, string parent, string[] allowed)
    {
        foreach (var key in unknown?.Keys ?? Enumerable.Empty<string>())
        {
            var path = parent.Length == 0 ? key : $"{parent}.{key}";
            var hint = Suggestions.Closest(key, allowed) is { } near ? $"; did you mean '{near}'?" : string.Empty;
            Warn(path, $"key '{key}' is not read (Classroom ignored it too){hint}");
        }
    }

    private void Warn(string path, string problem)
    {
        var line = Lines.LineOf(path) is { } at ? $":{at}" : string.Empty;
        _warnings.Add($"{_filePath}{line}: {path}: {problem}.");
    }

    private string Required(string? value, string path, string key)
    {
        if (value is null)
        {
            var present = Lines.LineOf($"{path}.{key}") is not null;
            throw Error($"{path}.{key}", present ? "expected a string but found null" : "is required but missing");
        }

        return string.IsNullOrWhiteSpace(value) ? throw Error($"{path}.{key}", "must not be empty") : value;
    }

    private AssignmentFormatException FromShapeError(JsonException exception)
    {
        var line = exception.LineNumber is { } zeroBased ? (int)zeroBased + 1 : (int?)null;
        var path = NormalizePath(exception.Path);
        var lastDot = path.LastIndexOf('.');
        var (parent, key) = lastDot < 0 ? (string.Empty, path) : (path[..lastDot], path[(lastDot + 1)..]);
        string[]? allowed = parent.Length == 0 ? RootKeys : TestItemPattern().IsMatch(parent) ? TestKeys : null;

        string problem;
        if (path.Length == 0)
        {
            problem = $"expected an object with a 'tests' list but found {Lines.Describe(path)}";
        }
        else if (TestItemPattern().IsMatch(path))
        {
            problem = $"expected a test object but found {Lines.Describe(path)}";
        }
        else if (key == "tests")
        {
            problem = $"expected a list of tests but found {Lines.Describe(path)}";
        }
        else if (StringKeys.Contains(key, StringComparer.Ordinal))
        {
            problem = $"expected a string but found {Lines.Describe(path)}";
        }
        else if (allowed is not null)
        {
            problem = $"expected a number but found {Lines.Describe(path)}";
        }
        else
        {
            problem = JsonLineMap.WithoutPosition(exception.Message);
        }

        return new AssignmentFormatException(_filePath, line, path.Length == 0 ? null : path, problem);
    }

    private AssignmentFormatException Error(string path, string problem)
    {
        var line = Lines.LineOf(path);
        if (line is null)
        {
            // The value is absent: point at its parent.
            var cut = Math.Max(path.LastIndexOf('.'), 0);
            line = Lines.LineOf(path[..cut]);
        }

        return new AssignmentFormatException(_filePath, line, path.Length == 0 ? null : path, problem);
    }

    private static string NormalizePath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return string.Empty;
        }

        var path = BracketNamePattern().Replace(jsonPath, match => "." + match.Groups["name"].Value.Replace("''", "'", StringComparison.Ordinal));
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^tests\[\d+\]$", RegexOptions.CultureInvariant)]
    private static partial Regex TestItemPattern();

    [GeneratedRegex(@"\['(?<name>(?:[^']|'')*)'\]", RegexOptions.CultureInvariant)]
    private static partial Regex BracketNamePattern();
}
