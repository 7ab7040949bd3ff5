using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitGrader.Core.Assignments;

/// <summary>
/// Reads GitHub Classroom's newer format: a workflow (<c>.github/workflows/classroom.yml</c>) whose steps are the
/// autograding actions, graded with the actions' own semantics:
/// <list type="bullet">
/// <item><c>classroom-resources/autograding-command-grader</c>: passes on exit 0, all or nothing;</item>
/// <item><c>classroom-resources/autograding-io-grader</c>: stdin is the trimmed <c>input</c>; stdout and the
/// expected output are trimmed, line endings left as they are; <c>exact</c>, <c>contains</c> or <c>regex</c>
/// (JavaScript, no flags); a non-zero exit fails;</item>
/// <item><c>classroom-resources/autograding-python-grader</c>: pytest on the <c>*_test.py</c> files (else pytest's
/// own discovery), <c>max-score</c> shared equally among the tests that pass; its setup command's status ignored;</item>
/// <item><c>classroom-resources/autograding-grading-reporter</c>: adds up the runners it lists (a step it does not
/// list counts nothing);</item>
/// <item><c>education/autograding</c>: the tests are <c>.github/classroom/autograding.json</c>.</item>
/// </list>
/// Every input is trimmed, as the actions' <c>core.getInput</c> trims it; <c>timeout</c> is in minutes (default 10);
/// <c>max-score</c> is read as JavaScript's <c>parseInt</c> reads it (default 0). Plain <c>run:</c> steps become the
/// assignment's setup, run once before the tests; other actions (checkout, setup-python, …) have nothing to do in
/// the grader image and are skipped.
/// </summary>
internal sealed partial class ClassroomWorkflowParser
{
    /// <summary>Where the workflows are, relative to the assignment folder.</summary>
    public static readonly string WorkflowsFolder = Path.Combine(".github", "workflows");

    private const string CommandGrader = "classroom-resources/autograding-command-grader";
    private const string IoGrader = "classroom-resources/autograding-io-grader";
    private const string PythonGrader = "classroom-resources/autograding-python-grader";
    private const string Reporter = "classroom-resources/autograding-grading-reporter";
    private const string EducationAutograding = "education/autograding";
    private const double DefaultTimeoutMinutes = 10;
    private const double MaxTimeoutMinutes = 360;

    /// <summary>The report the python grader's pytest writes in the working copy when its tests are the student's own.</summary>
    private const string VisiblePytestReport = ".gitgrader-pytest.xml";

    private static readonly Dictionary<string, OutputComparison> IoComparisons = new(StringComparer.Ordinal)
    {
        ["exact"] = OutputComparison.IoGraderExact,
        ["contains"] = OutputComparison.IoGraderContains,
        ["regex"] = OutputComparison.IoGraderRegex,
    };

    private readonly string _filePath;
    private readonly string _directory;
    private readonly List<string> _warnings = [];
    private readonly List<string> _setupSteps = [];
    private readonly List<(string? Id, int Line, TestDefinition Test)> _tests = [];
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private HashSet<string>? _runners;

    private ClassroomWorkflowParser(string filePath, string directory)
    {
        _filePath = filePath;
        _directory = directory;
    }

    private string HiddenDirectory => Path.Combine(_directory, "hidden");

    /// <summary>
    /// The workflow of <paramref name="directory"/> that grades (uses one of the autograding actions), preferring
    /// <c>classroom.yml</c>; null when there is none.
    /// </summary>
    public static async Task<string?> FindAsync(string directory, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(directory, WorkflowsFolder);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var files = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => Path.GetFileNameWithoutExtension(f).Equals("classroom", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(f => f, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            if (text.Contains(CommandGrader, StringComparison.Ordinal) || text.Contains(IoGrader, StringComparison.Ordinal)
                || text.Contains(PythonGrader, StringComparison.Ordinal) || text.Contains(EducationAutograding + "@", StringComparison.Ordinal))
            {
                return file;
            }
        }

        return null;
    }

    /// <summary>Reads the workflow <paramref name="filePath"/> of the assignment folder <paramref name="directory"/>.</summary>
    public static async Task<Assignment> ParseAsync(string filePath, string directory, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(filePath, cancellationToken).ConfigureAwait(false);
        var parser = new ClassroomWorkflowParser(filePath, directory);
        var steps = parser.Steps(text);
        if (steps.FirstOrDefault(s => UsesAction(s.Uses, EducationAutograding)) is { } education)
        {
            // The older action: its tests are autograding.json, whatever else the workflow holds.
            var json = Path.Combine(directory, ".github", "classroom", AssignmentLoader.ClassroomFileName);
            if (!File.Exists(json))
            {
                throw new AssignmentFormatException(filePath, education.Line, education.Path + ".uses", $"uses {EducationAutograding}, which reads .github/classroom/autograding.json, but the assignment folder has none");
            }

            var bytes = await File.ReadAllBytesAsync(json, cancellationToken).ConfigureAwait(false);
            return ClassroomAssignmentParser.Parse(json, directory, bytes);
        }

        return parser.Read(steps);
    }

    private Assignment Read(IReadOnlyList<ClassroomWorkflowStep> steps)
    {
        var visibility = ClassroomFolder.TestVisibility(_directory);
        foreach (var step in steps)
        {
            if (step.Uses is null)
            {
                if (step.Run is { } run && _tests.Count == 0)
                {
                    _setupSteps.Add(run);
                }
                else if (step.Run is not null)
                {
                    Warn(step.Line, step.Path + ".run", "a plain step after the first test is not run (GitGrader runs plain steps once, before the tests)");
                }

                continue;
            }

            if (UsesAction(step.Uses, CommandGrader) || UsesAction(step.Uses, IoGrader) || UsesAction(step.Uses, PythonGrader))
            {
                _tests.Add((step.Id, step.Line, ReadGrader(step, visibility)));
            }
            else if (UsesAction(step.Uses, Reporter))
            {
                ReadReporter(step);
            }
            else if (!step.Uses.StartsWith("actions/", StringComparison.Ordinal))
            {
                Warn(step.Line, step.Path + ".uses", $"the action '{step.Uses}' is not run (GitGrader runs the autograding actions and plain run: steps)");
            }
        }

        if (_tests.Count == 0)
        {
            throw new AssignmentFormatException(_filePath, null, null, $"no step uses an autograding action ({CommandGrader}, {IoGrader} or {PythonGrader}); there is nothing to grade");
        }

        var tests = new List<TestDefinition>(_tests.Count);
        foreach (var (id, line, test) in _tests)
        {
            var counted = _runners is null || (id is not null && _runners.Contains(id));
            if (!counted && test.Points > 0)
            {
                Warn(line, id is null ? "step" : $"step '{id}'", "the reporter's runners do not list this step, so Classroom counted none of its points; it runs, worth 0");
            }

            tests.Add(counted ? test : test with { Points = 0, Cases = null });
        }

        if (_runners is null)
        {
            Warn(null, "jobs", $"no {Reporter} step; every grader step's max-score counts");
        }

        return ClassroomFolder.Create(_directory, tests, _warnings, _setupSteps.Count == 0 ? null : "set -e\n" + string.Join('\n', _setupSteps));
    }

    private TestDefinition ReadGrader(ClassroomWorkflowStep step, Visibility visibility)
    {
        var with = step.With;
        var name = UniqueName(Input(with, "test-name") is { Length: > 0 } given ? given : step.Name ?? step.Id ?? "Test", step);
        var minutes = Minutes(step);
        var points = MaxScore(step);
        var setup = Input(with, "setup-command");
        if (UsesAction(step.Uses!, PythonGrader))
        {
            return PythonTest(name, setup, minutes, points, visibility);
        }

        var command = Input(with, "command") is { Length: > 0 } c ? c : throw StepError(step, "with.command", "is required but missing");
        var isIo = UsesAction(step.Uses!, IoGrader);
        var test = new TestDefinition
        {
            Name = name,
            Kind = isIo ? TestKind.Io : TestKind.Run,
            Run = command,
            Setup = string.IsNullOrEmpty(setup) ? null : setup,
            Points = points,
            Visibility = visibility,
            Timeout = TimeSpan.FromMinutes(minutes),
        };
        if (!isIo)
        {
            var pytest = ClassroomPytestCommand.TryRead(command, HiddenDirectory, out var reason);
            if (reason is not null)
            {
                Warn(LineOf(with, "command") ?? step.Line, step.Path + ".with.command", $"runs as written, not hardened like the pytest kind: {reason}");
            }

            return test with { HardenedPytest = pytest };
        }

        var expected = Input(with, "expected-output") is { Length: > 0 } e ? e : throw StepError(step, "with.expected-output", "is required (the io grader refuses a test without it)");
        var method = Input(with, "comparison-method") ?? throw StepError(step, "with.comparison-method", "is required; one of exact, contains, regex");
        if (!IoComparisons.TryGetValue(method, out var comparison))
        {
            var hint = method == "included" ? "; the io grader refused 'included' (its own README names it, its code does not take it): did you mean 'contains'?" : string.Empty;
            throw StepError(step, "with.comparison-method", Suggestions.UnknownValue("comparison-method", method, IoComparisons.Keys.ToArray()) + hint);
        }

        if (comparison == OutputComparison.IoGraderRegex)
        {
            try
            {
                _ = Grading.OutputComparer.ScriptRegex(expected);
            }
            catch (ArgumentException exception)
            {
                throw StepError(step, "with.expected-output", $"not a valid regular expression: {exception.Message}");
            }
        }

        return test with { Input = Input(with, "input") ?? string.Empty, Expected = expected, Comparison = comparison };
    }

    /// <summary>
    /// The python grader: with the tests among the instructor's hidden files, the pytest kind on them (hardened);
    /// else pytest on the student's working copy, as the action ran it. Either way each test that passes scores
    /// an equal share of <c>max-score</c>, and the setup command's status is not looked at.
    /// </summary>
    private TestDefinition PythonTest(string name, string? setup, double minutes, double points, Visibility visibility)
    {
        var timeout = TimeSpan.FromMinutes(minutes);
        var quietSetup = string.IsNullOrEmpty(setup) ? null : $"{{ {setup}\n}} </dev/null 1>&2 || true";
        var hiddenTests = HiddenTestFiles();
        if (hiddenTests.Count > 0)
        {
            return new TestDefinition
            {
                Name = name,
                Kind = TestKind.Pytest,
                Files = hiddenTests,
                Setup = quietSetup,
                Points = points,
                Visibility = visibility,
                Timeout = timeout,
                CaseTimeout = timeout,
            };
        }

        var run = new StringBuilder();
        if (quietSetup is not null)
        {
            run.Append(quietSetup).Append('\n');
        }

        run.Append("set -- $(find . -name '*_test.py' -not -path '*/.*' | LC_ALL=C sort)\n");
        run.Append(CultureInfo.InvariantCulture, $"python3 -m pytest -s --tb=no -p no:cacheprovider --junitxml={VisiblePytestReport} \"$@\"");
        return new TestDefinition
        {
            Name = name,
            Kind = TestKind.JUnit,
            Run = run.ToString(),
            ReportPath = VisiblePytestReport,
            Points = points,
            Visibility = visibility,
            Timeout = timeout,
        };
    }

    /// <summary>What the python grader would run among the hidden files: the <c>*_test.py</c> files, else pytest's own <c>test_*.py</c>.</summary>
    private List<string> HiddenTestFiles()
    {
        if (!Directory.Exists(HiddenDirectory))
        {
            return [];
        }

        var files = ClassroomFolder.Files(HiddenDirectory, "*.py")
            .Select(f => Path.GetRelativePath(HiddenDirectory, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part.StartsWith('.')))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var suffixed = files.Where(f => Path.GetFileName(f).EndsWith("_test.py", StringComparison.Ordinal)).ToList();
        return suffixed.Count > 0 ? suffixed : files.Where(f => Path.GetFileName(f).StartsWith("test_", StringComparison.Ordinal)).ToList();
    }

    private void ReadReporter(ClassroomWorkflowStep step)
    {
        var runners = Input(step.With, "runners") ?? throw StepError(step, "with.runners", "is required: the ids of the grader steps to add up");
        _runners ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in runners.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!_tests.Any(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                throw StepError(step, "with.runners", $"lists '{id}', but no grader step before it has that id");
            }

            _runners.Add(id);
        }
    }

    private double Minutes(ClassroomWorkflowStep step)
    {
        var text = Input(step.With, "timeout");
        if (string.IsNullOrEmpty(text))
        {
            return DefaultTimeoutMinutes;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) || !double.IsFinite(minutes))
        {
            throw StepError(step, "with.timeout", $"expected a number of minutes but found '{text}'");
        }

        return minutes is > 0 and <= MaxTimeoutMinutes
            ? minutes
            : throw StepError(step, "with.timeout", $"must be more than 0 and at most {MaxTimeoutMinutes} (minutes) but is {text}");
    }

    /// <summary><c>parseInt(core.getInput('max-score') || 0)</c>: the leading whole number, a fraction dropped.</summary>
    private double MaxScore(ClassroomWorkflowStep step)
    {
        var text = Input(step.With, "max-score");
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var match = LeadingInteger().Match(text);
        if (!match.Success || !int.TryParse(match.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score))
        {
            throw StepError(step, "with.max-score", $"expected a whole number of points but found '{text}'");
        }

        if (score < 0)
        {
            throw StepError(step, "with.max-score", $"must be 0 or more but is {text}");
        }

        if (match.Value.Length != text.Length)
        {
            Warn(LineOf(step.With, "max-score") ?? step.Line, step.Path + ".with.max-score", $"'{text}' is read as {score}, as the action read it (parseInt)");
        }

        return score;
    }

    private string UniqueName(string name, ClassroomWorkflowStep step)
    {
        if (ClassroomFolder.Number(name, _names.Add) is not { } numbered)
        {
            return name;
        }

        Warn(step.Line, step.Path + ".with.test-name", $"a second test named '{name}'; both run, this one shown as '{numbered}'");
        return numbered;
    }

    /// <summary>An input as the action's <c>core.getInput</c> reads it: trimmed; an expression (<c>${{ … }}</c>) cannot be evaluated here and reads as empty.</summary>
    private string? Input(YamlMappingNode? with, string key)
    {
        if (with is null || !with.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            throw new AssignmentFormatException(_filePath, YamlMappingReader.ToLine(node.Start), key, $"expected a text value but found {YamlMappingReader.Describe(node)}");
        }

        var value = YamlMappingReader.IsNull(scalar) ? string.Empty : scalar.Value ?? string.Empty;
        if (value.Contains("${{", StringComparison.Ordinal))
        {
            Warn(YamlMappingReader.ToLine(node.Start), key, "a ${{ }} expression is not evaluated (there are no workflow contexts or secrets at grade time); it reads as empty");
            value = Expression().Replace(value, string.Empty);
        }

        return value.Trim();
    }

    private static int? LineOf(YamlMappingNode? with, string key) =>
        with is not null && with.Children.TryGetValue(new YamlScalarNode(key), out var node) ? YamlMappingReader.ToLine(node.Start) : null;

    private IReadOnlyList<ClassroomWorkflowStep> Steps(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new AssignmentFormatException(_filePath, YamlMappingReader.ToLine(exception.Start), null, $"not valid YAML: {exception.InnerException?.Message ?? exception.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new AssignmentFormatException(_filePath, null, null, "expected a workflow (a mapping with 'jobs')");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("jobs"), out var jobsNode) || jobsNode is not YamlMappingNode jobs)
        {
            throw new AssignmentFormatException(_filePath, YamlMappingReader.ToLine(root.Start), "jobs", "expected a mapping of jobs");
        }

        var steps = new List<ClassroomWorkflowStep>();
        foreach (var (jobKey, jobNode) in jobs.Children)
        {
            var job = ((YamlScalarNode)jobKey).Value ?? string.Empty;
            if (jobNode is not YamlMappingNode jobMapping || !jobMapping.Children.TryGetValue(new YamlScalarNode("steps"), out var stepsNode))
            {
                continue;
            }

            if (stepsNode is not YamlSequenceNode sequence)
            {
                throw new AssignmentFormatException(_filePath, YamlMappingReader.ToLine(stepsNode.Start), $"jobs.{job}.steps", $"expected a list of steps but found {YamlMappingReader.Describe(stepsNode)}");
            }

            for (var i = 0; i < sequence.Children.Count; i++)
            {
                var path = $"jobs.{job}.steps[{i}]";
                if (sequence.Children[i] is not YamlMappingNode step)
                {
                    throw new AssignmentFormatException(_filePath, YamlMappingReader.ToLine(sequence.Children[i].Start), path, "expected a step (a mapping)");
                }

                steps.Add(new ClassroomWorkflowStep(
                    path,
                    YamlMappingReader.ToLine(step.Start),
                    Scalar(step, "id"),
                    Scalar(step, "name"),
                    Scalar(step, "uses")?.Trim(),
                    Scalar(step, "run"),
                    step.Children.TryGetValue(new YamlScalarNode("with"), out var with) ? with as YamlMappingNode : null));
            }
        }

        return steps;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text } ? text : null;

    /// <summary>Whether <paramref name="uses"/> names <paramref name="action"/> at any version (<c>@v1</c>, a commit).</summary>
    private static bool UsesAction(string? uses, string action) =>
        uses is not null && (uses.Equals(action, StringComparison.OrdinalIgnoreCase) || uses.StartsWith(action + "@", StringComparison.OrdinalIgnoreCase));

    private AssignmentFormatException StepError(ClassroomWorkflowStep step, string key, string problem)
    {
        var inputName = key.StartsWith("with.", StringComparison.Ordinal) ? key[5..] : key;
        var line = LineOf(step.With, inputName) ?? (step.With is { } with ? YamlMappingReader.ToLine(with.Start) : step.Line);
        return new AssignmentFormatException(_filePath, line, $"{step.Path}.{key}", problem);
    }

    private void Warn(int? line, string path, string problem) =>
        _warnings.Add($"{_filePath}{(line is { } at ? $":{at}" : string.Empty)}: {path}: {problem}.");

    [GeneratedRegex(@"^\s*[+-]?\d+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingInteger();

    [GeneratedRegex(@"\$\{\{.*?\}\}", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Expression();
}
