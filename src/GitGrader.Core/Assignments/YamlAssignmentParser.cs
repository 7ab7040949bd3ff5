using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitGrader.Core.Assignments;

/// <summary>Reads GitGrader's <c>assignment.yml</c>.</summary>
internal sealed partial class YamlAssignmentParser
{
    private const double MaxCpus = 64;
    private const long MinMemoryBytes = 6L * 1024 * 1024;
    private const long MinOutputBytes = 1024;
    private const int MinPids = 8;

    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    private static readonly string[] TopLevelKeys = ["name", "slug", "image", "deadline", "timezone", "setup", "limits", "tests", "feedback", "late", "counts", "template", "close_at_deadline"];

    private static readonly string[] FeedbackKeys = ["hidden_results_per_day", "resets_at", "time_zone"];

    private static readonly string[] LimitKeys =
        ["timeout", "memory", "cpus", "pids", "output", "workspace", "submission_size", "submission_files",
         "submission_folders", "submission_depth", "submission_path_length", "submission_entries"];

    private static readonly string[] TestKeys =
        ["name", "kind", "run", "setup", "input", "expected", "output", "comparison", "points", "visibility", "timeout", "report", "files", "cases"];

    private static readonly Dictionary<string, TestKind> Kinds = new(StringComparer.Ordinal)
    {
        ["run"] = TestKind.Run,
        ["io"] = TestKind.Io,
        ["junit"] = TestKind.JUnit,
        ["pytest"] = TestKind.Pytest,
    };

    private static readonly Dictionary<string, OutputComparison> Comparisons = new(StringComparer.Ordinal)
    {
        ["exact"] = OutputComparison.Exact,
        ["included"] = OutputComparison.Included,
        ["regex"] = OutputComparison.Regex,
        ["whitespace"] = OutputComparison.Whitespace,
    };

    private static readonly Dictionary<string, Visibility> Visibilities = new(StringComparer.Ordinal)
    {
        ["visible"] = Visibility.Visible,
        ["hidden"] = Visibility.Hidden,
        ["after_due_date"] = Visibility.AfterDueDate,
    };

    private static readonly Dictionary<string, SubmissionCounting> Countings = new(StringComparer.Ordinal)
    {
        ["best"] = SubmissionCounting.Best,
        ["latest"] = SubmissionCounting.Latest,
        ["best_on_time"] = SubmissionCounting.BestOnTime,
        ["latest_on_time"] = SubmissionCounting.LatestOnTime,
    };

    private readonly string _filePath;
    private readonly string _directory;

    private YamlAssignmentParser(string filePath, string directory)
    {
        _filePath = filePath;
        _directory = directory;
    }

    /// <summary>Parses <paramref name="text"/>, read from <paramref name="filePath"/> in the assignment folder <paramref name="directory"/>.</summary>
    public static Assignment Parse(string filePath, string directory, string text) =>
        new YamlAssignmentParser(filePath, directory).Parse(text);

    private static string LowerName<T>(IReadOnlyDictionary<string, T> names, T value) =>
        names.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key;

    private Assignment Parse(string text)
    {
        var root = LoadRoot(text);
        var reader = new YamlMappingReader(_filePath, root, string.Empty, TopLevelKeys);

        var name = reader.RequiredString("name");
        var slug = reader.OptionalString("slug");
        if (slug is not null && !SlugPattern().IsMatch(slug))
        {
            throw reader.Error("slug", $"'{slug}' must be lowercase letters, digits and '-', starting with a letter or digit");
        }

        var image = reader.RequiredString("image");
        if (image.Any(char.IsWhiteSpace))
        {
            throw reader.Error("image", $"'{image}' must not contain whitespace");
        }

        var deadline = ReadDeadline(reader);
        var feedback = reader.OptionalMapping("feedback") is { } feedbackNode ? FeedbackLimitReader.Read(_filePath, feedbackNode, FeedbackKeys, AssignmentZone(reader)) : null;
        var late = reader.OptionalMapping("late") is { } lateNode ? LatePolicyReader.Read(_filePath, lateNode) : LatePolicy.None;
        if (reader.HasKey("late") && deadline is null)
        {
            throw reader.Error("late", "a late policy needs the assignment to have a 'deadline'");
        }

        var counts = reader.OptionalChoice("counts", Countings) ?? SubmissionCounting.Best;
        if ((counts is SubmissionCounting.BestOnTime or SubmissionCounting.LatestOnTime) && deadline is null)
        {
            throw reader.Error("counts", $"{LowerName(Countings, counts)} needs the assignment to have a 'deadline'");
        }

        var template = ReadTemplate(reader);
        var closeAtDeadline = ReadCloseAtDeadline(reader, deadline is not null);
        var limits = reader.OptionalMapping("limits") is { } limitsNode ? ReadLimits(limitsNode) : ResourceLimits.Default;

        var testsNode = reader.OptionalSequence("tests") ?? throw reader.Missing("tests", "list at least one test");
        if (testsNode.Children.Count == 0)
        {
            throw reader.Error("tests", "must list at least one test");
        }

        var tests = new List<TestDefinition>(testsNode.Children.Count);
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < testsNode.Children.Count; i++)
        {
            tests.Add(ReadTest(testsNode.Children[i], $"tests[{i}]", deadline is not null, names));
        }

        return new Assignment
        {
            Slug = slug ?? Path.GetFileName(_directory),
            Name = name.Trim(),
            Image = image.Trim(),
            Directory = _directory,
            Format = AssignmentFormat.GitGrader,
            Deadline = deadline,
            TimeZone = AssignmentZone(reader),
            Late = late,
            Counts = counts,
            Limits = limits,
            Feedback = feedback,
            Template = template,
            CloseAtDeadline = closeAtDeadline,
            Setup = NullIfBlank(reader.OptionalString("setup")),
            Tests = tests,
        };
    }

    private YamlMappingNode LoadRoot(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw FromYamlException(text, exception);
        }

        if (stream.Documents.Count > 1)
        {
            throw new AssignmentFormatException(
                _filePath, YamlMappingReader.ToLine(stream.Documents[1].RootNode.Start), null, "holds more than one YAML document; an assignment is one mapping");
        }

        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        if (root is null || YamlMappingReader.IsNull(root))
        {
            throw new AssignmentFormatException(_filePath, null, null, "the file is empty; it needs at least 'name', 'image' and 'tests'");
        }

        return root as YamlMappingNode
            ?? throw new AssignmentFormatException(
                _filePath, YamlMappingReader.ToLine(root.Start), null, $"expected a mapping with keys such as 'name', 'image' and 'tests' but found {YamlMappingReader.Describe(root)}");
    }

    private AssignmentFormatException FromYamlException(string text, YamlException exception)
    {
        const string DuplicatePrefix = "Duplicate key ";
        var line = exception.Start.Line > 0 ? YamlMappingReader.ToLine(exception.Start) : (int?)null;
        if (exception.Message.StartsWith(DuplicatePrefix, StringComparison.Ordinal))
        {
            var key = exception.Message[DuplicatePrefix.Length..];
            return new AssignmentFormatException(
                _filePath, line, YamlKeyPathLocator.Find(text, exception.Start), $"duplicate key '{key}'");
        }

        return new AssignmentFormatException(_filePath, line, null, $"invalid YAML: {exception.Message}");
    }

    private DateTimeOffset? ReadDeadline(YamlMappingReader reader)
    {
        TimeZoneInfo? timeZone = null;
        if (reader.OptionalString("timezone") is { } zoneId
            && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId.Trim(), out timeZone))
        {
            throw reader.Error("timezone", $"unknown time zone '{zoneId}'; use an IANA id such as America/New_York or Europe/Paris");
        }

        if (reader.OptionalString("deadline") is not { } text)
        {
            return null;
        }

        return DeadlineParser.Parse(text, timeZone, out var deadline) switch
        {
            DeadlineParseOutcome.Parsed => deadline,
            DeadlineParseOutcome.NeedsTimeZone => throw reader.Error(
                "deadline", $"'{text}' has no UTC offset; add one (e.g. 2026-12-15T23:59:00-05:00) or set 'timezone' (e.g. America/New_York)"),
            DeadlineParseOutcome.SkippedByTimeZone => throw reader.Error(
                "deadline", $"'{text}' does not exist in {timeZone!.Id} (the clocks skip it)"),
            _ => throw reader.Error("deadline", $"expected a date and time such as {DeadlineParser.Examples} but found '{text}'"),
        };
    }

    private static TemplateRepository? ReadTemplate(YamlMappingReader reader)
    {
        if (reader.OptionalString("template") is not { } text)
        {
            return null;
        }

        return TemplateRepository.TryParse(text.Trim(), out var template)
            ? template
            : throw reader.Error("template", $"'{text}' is not a repository owner/name (e.g. cs101-staff/lab-1-template): letters, digits, '-', '_' and '.'");
    }

    private static bool ReadCloseAtDeadline(YamlMappingReader reader, bool hasDeadline)
    {
        if (reader.OptionalString("close_at_deadline") is not { } text)
        {
            return false;
        }

        var value = text.Trim() switch
        {
            "true" => true,
            "false" => false,
            _ => throw reader.Error("close_at_deadline", $"expected true or false but found '{text}'"),
        };
        return value && !hasDeadline
            ? throw reader.Error("close_at_deadline", "needs the assignment to have a 'deadline' (the cut-off is the deadline)")
            : value;
    }

    /// <summary>The assignment's own <c>timezone</c> (already checked by <see cref="ReadDeadline"/>), if any.</summary>
    private static TimeZoneInfo? AssignmentZone(YamlMappingReader reader) =>
        reader.OptionalString("timezone") is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;

    private ResourceLimits ReadLimits(YamlMappingNode node)
    {
        var reader = new YamlMappingReader(_filePath, node, "limits", LimitKeys);
        var defaults = ResourceLimits.Default;

        var cpus = reader.OptionalNumber("cpus");
        if (cpus is <= 0 or > MaxCpus)
        {
            throw reader.Error("cpus", $"must be more than 0 and at most {MaxCpus}");
        }

        var pids = reader.OptionalInteger("pids");
        if (pids < MinPids)
        {
            throw reader.Error("pids", $"must be at least {MinPids}");
        }

        return new ResourceLimits
        {
            TestTimeout = ReadTimeout(reader, "timeout") ?? defaults.TestTimeout,
            MemoryBytes = ReadSize(reader, "memory", MinMemoryBytes) ?? defaults.MemoryBytes,
            Cpus = cpus ?? defaults.Cpus,
            Pids = pids ?? defaults.Pids,
            OutputBytes = ReadSize(reader, "output", MinOutputBytes) ?? defaults.OutputBytes,
            WorkspaceBytes = ReadSize(reader, "workspace", 1) ?? defaults.WorkspaceBytes,
            SubmissionBytes = ReadSize(reader, "submission_size", 1) ?? defaults.SubmissionBytes,
            SubmissionFiles = ReadCount(reader, "submission_files") ?? defaults.SubmissionFiles,
            SubmissionFolders = ReadCount(reader, "submission_folders") ?? defaults.SubmissionFolders,
            SubmissionDepth = ReadCount(reader, "submission_depth") ?? defaults.SubmissionDepth,
            SubmissionPathBytes = ReadCount(reader, "submission_path_length") ?? defaults.SubmissionPathBytes,
            SubmissionEntries = ReadCount(reader, "submission_entries") ?? defaults.SubmissionEntries,
        };
    }

    private static int? ReadCount(YamlMappingReader reader, string key)
    {
        var count = reader.OptionalInteger(key);
        return count < 1 ? throw reader.Error(key, "must be at least 1") : count;
    }

    private static TimeSpan? ReadTimeout(YamlMappingReader reader, string key)
    {
        var timeout = reader.OptionalDuration(key);
        if (timeout is { } value && (value <= TimeSpan.Zero || value > MaxTimeout))
        {
            throw reader.Error(key, "must be more than 0 and at most 1h");
        }

        return timeout;
    }

    private static long? ReadSize(YamlMappingReader reader, string key, long minimum)
    {
        var size = reader.OptionalByteSize(key);
        if (size < minimum)
        {
            throw reader.Error(key, minimum == 1 ? "must be more than 0" : $"must be at least {ByteSizeParser.Format(minimum)}");
        }

        return size;
    }

    private TestDefinition ReadTest(YamlNode node, string path, bool hasDeadline, Dictionary<string, int> names)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw new AssignmentFormatException(
                _filePath, YamlMappingReader.ToLine(node.Start), path, $"expected a test (a mapping with 'name', 'run', ...) but found {YamlMappingReader.Describe(node)}");
        }

        var reader = new YamlMappingReader(_filePath, mapping, path, TestKeys);
        var name = reader.RequiredString("name").Trim();
        if (!names.TryAdd(name, reader.LineOf("name")))
        {
            throw reader.Error("name", $"duplicate test name '{name}' (already used at line {names[name]}); test names must be unique, ignoring case");
        }

        if (reader.Contains("expected") && reader.Contains("output"))
        {
            throw reader.Error("output", "'output' is another name for 'expected'; give only one of them");
        }

        var expectedKey = reader.Contains("output") ? "output" : "expected";
        var kindGiven = reader.OptionalChoice("kind", Kinds);
        var kind = kindGiven ?? (reader.Contains("input") || reader.Contains(expectedKey) ? TestKind.Io : TestKind.Run);
        var kindName = LowerName(Kinds, kind);

        void Forbid(string key)
        {
            if (reader.Contains(key))
            {
                var article = kind == TestKind.Io ? "an" : "a";
                var hint = kindGiven is null ? $" (with no 'kind', this test is {article} {kindName} test; set 'kind' to change that)" : string.Empty;
                throw reader.Error(key, $"'{key}' is not allowed in {article} {kindName} test{hint}");
            }
        }

        if (kind != TestKind.Io)
        {
            Forbid("input");
            Forbid("expected");
            Forbid("output");
            Forbid("comparison");
        }

        if (kind != TestKind.JUnit)
        {
            Forbid("report");
        }

        if (kind is not (TestKind.JUnit or TestKind.Pytest))
        {
            Forbid("cases");
        }

        string? run = null;
        if (kind == TestKind.Pytest)
        {
            Forbid("run");
            Forbid("setup");
        }
        else
        {
            run = kindGiven is null && reader.Contains("files") && !reader.Contains("run")
                ? throw reader.Error("files", "with no 'kind' and no 'run', nothing would run these files; set 'kind: pytest' to run them with pytest, or give 'run'")
                : reader.RequiredString("run", "the shell command this test runs");
        }

        string? expected = null;
        var comparison = OutputComparison.Exact;
        if (kind == TestKind.Io)
        {
            expected = reader.OptionalString(expectedKey)
                ?? throw reader.Missing("expected", "an io test needs the expected output (write expected: \"\" for none)");
            comparison = reader.OptionalChoice("comparison", Comparisons) ?? OutputComparison.Exact;
            if (comparison == OutputComparison.Regex)
            {
                CheckRegex(reader, expectedKey, expected);
            }
        }

        var points = reader.OptionalNumber("points");
        if (points < 0)
        {
            throw reader.Error("points", "must be 0 or more");
        }

        var cases = reader.OptionalMapping("cases") is { } casesNode ? ReadCases(reader, casesNode) : null;
        if (cases is not null)
        {
            var sum = cases.Values.Sum();
            if (points is { } given && Math.Abs(given - sum) > 1e-9)
            {
                throw reader.Error("points", $"is {Format(given)} but the cases add up to {Format(sum)}; make them agree or leave 'points' out");
            }

            points ??= sum;
        }

        var visibility = reader.OptionalChoice("visibility", Visibilities) ?? Visibility.Visible;
        if (visibility == Visibility.AfterDueDate && !hasDeadline)
        {
            throw reader.Error("visibility", "after_due_date needs the assignment to have a 'deadline'");
        }

        return new TestDefinition
        {
            Name = name,
            Kind = kind,
            Run = run,
            Setup = kind == TestKind.Pytest ? null : NullIfBlank(reader.OptionalString("setup")),
            Input = kind == TestKind.Io ? NullIfEmpty(reader.OptionalString("input")) : null,
            Expected = expected,
            Comparison = comparison,
            Points = points ?? 0,
            Visibility = visibility,
            Timeout = ReadTimeout(reader, "timeout"),
            ReportPath = kind == TestKind.JUnit ? ReadReportPath(reader) : null,
            Files = ReadHiddenFiles(reader, required: kind == TestKind.Pytest),
            Cases = cases,
        };
    }

    private static void CheckRegex(YamlMappingReader reader, string key, string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException exception)
        {
            throw reader.Error(key, $"not a valid regular expression: {exception.Message}");
        }
    }

    private Dictionary<string, double> ReadCases(YamlMappingReader test, YamlMappingNode node)
    {
        var cases = new Dictionary<string, double>(StringComparer.Ordinal);
        var path = test.KeyPath("cases");
        foreach (var (keyNode, valueNode) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } caseName } || string.IsNullOrWhiteSpace(caseName))
            {
                throw new AssignmentFormatException(_filePath, YamlMappingReader.ToLine(keyNode.Start), path, $"expected a test case name but found {YamlMappingReader.Describe(keyNode)}");
            }

            var casePath = $"{path}.{caseName}";
            if (valueNode is not YamlScalarNode { Value: { } text }
                || YamlMappingReader.IsNull(valueNode)
                || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var casePoints)
                || !double.IsFinite(casePoints))
            {
                throw new AssignmentFormatException(
                    _filePath, YamlMappingReader.ToLine(valueNode.Start), casePath, $"expected a number of points but found {YamlMappingReader.Describe(valueNode)}");
            }

            if (casePoints < 0)
            {
                throw new AssignmentFormatException(_filePath, YamlMappingReader.ToLine(valueNode.Start), casePath, "must be 0 or more");
            }

            cases[caseName] = casePoints;
        }

        return cases.Count > 0 ? cases : throw test.Error("cases", "must list at least one case (name: points), or be left out");
    }

    private static string ReadReportPath(YamlMappingReader reader)
    {
        var report = reader.RequiredString("report", "where the command writes its JUnit XML, relative to the working copy");
        return RelativePathRules.Problem(report) is { } problem ? throw reader.Error("report", problem) : report;
    }

    private List<string> ReadHiddenFiles(YamlMappingReader reader, bool required)
    {
        var node = reader.OptionalSequence("files");
        if (node is null)
        {
            return required ? throw reader.Missing("files", "list the pytest files, relative to hidden/") : [];
        }

        if (node.Children.Count == 0)
        {
            throw reader.Error("files", "must list at least one file, relative to hidden/");
        }

        var hidden = Path.Combine(_directory, "hidden");
        var files = new List<string>(node.Children.Count);
        for (var i = 0; i < node.Children.Count; i++)
        {
            var item = node.Children[i];
            var itemPath = $"{reader.KeyPath("files")}[{i}]";
            if (item is not YamlScalarNode { Value: { } file } || YamlMappingReader.IsNull(item))
            {
                throw new AssignmentFormatException(_filePath, YamlMappingReader.ToLine(item.Start), itemPath, $"expected a file path but found {YamlMappingReader.Describe(item)}");
            }

            if (RelativePathRules.Problem(file) is { } problem)
            {
                throw new AssignmentFormatException(_filePath, YamlMappingReader.ToLine(item.Start), itemPath, problem);
            }

            if (!File.Exists(Path.Combine(hidden, file)) && !Directory.Exists(Path.Combine(hidden, file)))
            {
                throw new AssignmentFormatException(
                    _filePath, YamlMappingReader.ToLine(item.Start), itemPath, $"hidden file '{file}' not found (looked for {Path.Combine(hidden, file)})");
            }

            if (files.Contains(file, StringComparer.Ordinal))
            {
                throw new AssignmentFormatException(_filePath, YamlMappingReader.ToLine(item.Start), itemPath, $"'{file}' is listed twice");
            }

            files.Add(file);
        }

        return files;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
