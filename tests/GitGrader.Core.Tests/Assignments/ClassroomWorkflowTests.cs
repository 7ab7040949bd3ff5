using GitGrader.Core.Assignments;

namespace GitGrader.Core.Tests.Assignments;

/// <summary>GitHub Classroom's newer format: the autograding actions as steps of <c>.github/workflows/classroom.yml</c>.</summary>
public sealed class ClassroomWorkflowTests
{
    private const string WorkflowPath = ".github/workflows/classroom.yml";

    /// <summary>The shape Classroom's assignment page wrote: one step per test, quoted empties, then the reporter.</summary>
    private const string GeneratedWorkflow = """
        name: Autograding Tests
        'on':
        - push
        - repository_dispatch
        permissions:
          checks: write
          actions: read
          contents: read
        jobs:
          run-autograding-tests:
            runs-on: ubuntu-latest
            if: github.actor != 'github-classroom[bot]'
            steps:
            - name: Checkout code
              uses: actions/checkout@v4
            - name: Greets by name
              id: greets-by-name
              uses: classroom-resources/autograding-io-grader@v1
              with:
                test-name: Greets by name
                setup-command: ''
                command: python3 hello.py
                input: |
                  Ada
                expected-output: 'Hello, Ada!'
                comparison-method: exact
                timeout: 1
                max-score: 2
            - name: Counts words
              id: counts-words
              uses: classroom-resources/autograding-command-grader@v1
              with:
                test-name: Counts words
                setup-command: chmod +x check.sh
                command: "./check.sh"
                timeout: 5
                max-score: 3
            - name: Unit tests
              id: unit-tests
              uses: classroom-resources/autograding-python-grader@v1
              with:
                timeout: 10
                max-score: 5
            - name: Autograding Reporter
              uses: classroom-resources/autograding-grading-reporter@v1
              env:
                GREETS-BY-NAME_RESULTS: "${{steps.greets-by-name.outputs.result}}"
                COUNTS-WORDS_RESULTS: "${{steps.counts-words.outputs.result}}"
                UNIT-TESTS_RESULTS: "${{steps.unit-tests.outputs.result}}"
              with:
                runners: greets-by-name,counts-words,unit-tests
        """;

    private static Task<Assignment> LoadAsync(TempAssignmentFolder folder) => AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

    [Fact]
    public async Task LoadAsync_GeneratedWorkflow_ReadsEachGraderStepWithTheActionsSemantics()
    {
        using var folder = new TempAssignmentFolder("hello-world");
        folder.Write(WorkflowPath, GeneratedWorkflow);

        var assignment = await LoadAsync(folder);

        Assert.Equal(AssignmentFormat.Classroom, assignment.Format);
        Assert.Equal("hello-world", assignment.Slug);
        Assert.Equal(AssignmentLoader.DefaultClassroomImage, assignment.Image);
        Assert.Same(ImportedLimits.Default, assignment.Limits);
        Assert.Null(assignment.Setup);
        Assert.Equal(["Greets by name", "Counts words", "Unit tests"], assignment.Tests.Select(t => t.Name));
        Assert.Equal(10, assignment.MaxScore);
        Assert.Empty(assignment.Warnings);

        var io = assignment.Tests[0];
        Assert.Equal(TestKind.Io, io.Kind);
        Assert.Equal("python3 hello.py", io.Run);
        Assert.Null(io.Setup);
        Assert.Equal("Ada", io.Input); // trimmed, as core.getInput trims: no trailing newline on stdin
        Assert.Equal("Hello, Ada!", io.Expected);
        Assert.Equal(OutputComparison.IoGraderExact, io.Comparison);
        Assert.Equal(TimeSpan.FromMinutes(1), io.Timeout);
        Assert.Equal(2, io.Points);

        var command = assignment.Tests[1];
        Assert.Equal(TestKind.Run, command.Kind);
        Assert.Equal("chmod +x check.sh", command.Setup);
        Assert.Equal("./check.sh", command.Run);
        Assert.Equal(TimeSpan.FromMinutes(5), command.Timeout);
        Assert.Equal(3, command.Points);

        // No hidden tests: pytest on the student's working copy, *_test.py first, points shared among the cases.
        var python = assignment.Tests[2];
        Assert.Equal(TestKind.JUnit, python.Kind);
        Assert.Contains("find . -name '*_test.py'", python.Run, StringComparison.Ordinal);
        Assert.Contains("python3 -m pytest -s --tb=no", python.Run, StringComparison.Ordinal);
        Assert.Equal(".gitgrader-pytest.xml", python.ReportPath);
        Assert.Equal(5, python.Points);
        Assert.Equal(TimeSpan.FromMinutes(10), python.Timeout);
        Assert.All(assignment.Tests, t => Assert.Equal(Visibility.Visible, t.Visibility));
    }

    [Fact]
    public async Task LoadAsync_PythonGraderWithHiddenTests_IsTheHardenedPytestKindOnThemWithItsWholeTimeoutPerCase()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write(WorkflowPath, GeneratedWorkflow);
        folder.Write("hidden/tests/test_stats.py", "def test_a():\n    pass\n");
        folder.Write("hidden/tests/helpers.py", "X = 1\n");
        folder.Write("hidden/check.sh", "exit 0\n");

        var python = (await LoadAsync(folder)).Tests[2];

        Assert.Equal(TestKind.Pytest, python.Kind);
        Assert.Equal(["tests/test_stats.py"], python.Files);
        Assert.Equal(TimeSpan.FromMinutes(10), python.CaseTimeout);
        Assert.Equal(Visibility.Hidden, python.Visibility);
    }

    [Fact]
    public async Task LoadAsync_PythonGrader_PrefersTheSuffixedTestFiles_AndItsSetupStatusIsIgnored()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write(WorkflowPath, """
            jobs:
              grade:
                steps:
                - id: py
                  uses: classroom-resources/autograding-python-grader@v1
                  with:
                    setup-command: sudo -H pip3 install pytest
                - uses: classroom-resources/autograding-grading-reporter@v1
                  with:
                    runners: py
            """);
        folder.Write("hidden/test_old.py", "def test_x():\n    pass\n");
        folder.Write("hidden/stats_test.py", "def test_y():\n    pass\n");

        var python = Assert.Single((await LoadAsync(folder)).Tests);

        Assert.Equal("py", python.Name);
        Assert.Equal(["stats_test.py"], python.Files);
        Assert.Equal("{ sudo -H pip3 install pytest\n} </dev/null 1>&2 || true", python.Setup);
        Assert.Equal(0, python.Points);
    }

    [Fact]
    public async Task LoadAsync_AWorkflowThatGrades_DecidesTheTests_AStaleAutogradingJsonIsNotRead()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write(WorkflowPath, GeneratedWorkflow);
        folder.WriteJson("""{"tests": [{"name": "Stale", "run": "true", "points": 50}]}""");
        folder.Write(".github/classroom/autograding.json", """{"tests": [{"name": "Also stale", "run": "true", "points": 50}]}""");

        var assignment = await LoadAsync(folder);

        Assert.DoesNotContain(assignment.Tests, t => t.Name.Contains("tale", StringComparison.Ordinal));
        Assert.Equal(10, assignment.MaxScore);
    }

    [Fact]
    public async Task LoadAsync_WorkflowUsingEducationAutograding_ReadsItsAutogradingJson()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write(WorkflowPath, """
            name: GitHub Classroom Workflow
            on: [push]
            jobs:
              build:
                name: Autograding
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v2
                  - uses: education/autograding@v1
            """);
        folder.Write(".github/classroom/autograding.json", """{"tests": [{"name": "Builds", "run": "make", "points": 4}]}""");
        folder.WriteJson("""{"tests": [{"name": "Stale", "run": "true", "points": 50}]}""");

        var assignment = await LoadAsync(folder);

        var test = Assert.Single(assignment.Tests);
        Assert.Equal("Builds", test.Name);
        Assert.Equal(4, assignment.MaxScore);
    }

    [Fact]
    public async Task LoadAsync_EducationAutogradingWithoutItsFile_NamesTheStepAndTheFile()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write(WorkflowPath, "jobs:\n  build:\n    steps:\n      - uses: actions/checkout@v2\n      - uses: education/autograding@v1\n");

        await AssignmentAssert.FailsAsync(folder, "classroom.yml", 5, "jobs.build.steps[1].uses", "reads .github/classroom/autograding.json, but the assignment folder has none");
    }

    [Fact]
    public async Task LoadAsync_StepsTheReporterDoesNotList_CountNothing_AndNoReporterCountsThemAll()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write(WorkflowPath, GeneratedWorkflow.Replace("runners: greets-by-name,counts-words,unit-tests", "runners: greets-by-name, unit-tests", StringComparison.Ordinal));

        var partial = await LoadAsync(folder);

        Assert.Equal([2d, 0d, 5d], partial.Tests.Select(t => t.Points));
        var warning = Assert.Single(partial.Warnings);
        Assert.Contains("step 'counts-words': the reporter's runners do not list this step, so Classroom counted none of its points", warning, StringComparison.Ordinal);

        var withoutReporter = GeneratedWorkflow[..GeneratedWorkflow.IndexOf("    - name: Autograding Reporter", StringComparison.Ordinal)];
        folder.Write(WorkflowPath, withoutReporter);
        var all = await LoadAsync(folder);
        Assert.Equal(10, all.MaxScore);
        Assert.Contains("no classroom-resources/autograding-grading-reporter step; every grader step's max-score counts", Assert.Single(all.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'15'", 15)]
    [InlineData("2.9", 2)]
    [InlineData("", 0)]
    public async Task LoadAsync_MaxScore_IsReadAsTheActionsParseIntReadIt(string written, double points)
    {
        using var folder = new TempAssignmentFolder();
        folder.Write(WorkflowPath, $"""
            jobs:
              grade:
                steps:
                - id: t
                  uses: classroom-resources/autograding-command-grader@v1
                  with:
                    test-name: T
                    command: "true"
                    max-score: {written}
            """);

        var assignment = await LoadAsync(folder);

        Assert.Equal(points, Assert.Single(assignment.Tests).Points);
        Assert.Equal(TimeSpan.FromMinutes(10), assignment.Tests[0].Timeout);
        Assert.Equal(written == "2.9" ? 1 : 0, assignment.Warnings.Count(w => w.Contains("parseInt", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task LoadAsync_PlainRunStepsBeforeTheTests_BecomeTheSetup_AndOtherActionsAreSkipped()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write(WorkflowPath, """
            jobs:
              grade:
                steps:
                - uses: actions/checkout@v4
                - uses: actions/setup-node@v4
                  with:
                    node-version: 20
                - run: npm ci
                - name: Build
                  run: |
                    npm run build
                - uses: some-org/lint-action@v2
                - id: t
                  uses: classroom-resources/autograding-command-grader@v1
                  with:
                    test-name: Jest
                    command: npx jest
                    max-score: 10
            """);

        var assignment = await LoadAsync(folder);

        Assert.Equal("set -e\nnpm ci\nnpm run build\n", assignment.Setup);
        var warning = Assert.Single(assignment.Warnings, w => w.Contains("lint-action", StringComparison.Ordinal));
        Assert.Contains(":12: jobs.grade.steps[4].uses: the action 'some-org/lint-action@v2' is not run", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("comparison-method: included", "with.comparison-method", "did you mean 'contains'?")]
    [InlineData("comparison-method: exakt", "with.comparison-method", "did you mean 'exact'?")]
    [InlineData("comparison-method: regex\n        expected-output: '(unclosed'", "with.expected-output", "not a valid regular expression")]
    public async Task LoadAsync_IoStepTheActionWouldRefuse_NamesFileLineAndKey(string lines, string key, string problem)
    {
        using var folder = new TempAssignmentFolder();
        var expected = lines.Contains("expected-output", StringComparison.Ordinal) ? string.Empty : "\n        expected-output: hi";
        folder.Write(WorkflowPath, $"""
            jobs:
              grade:
                steps:
                - id: io
                  uses: classroom-resources/autograding-io-grader@v1
                  with:
                    test-name: Hi
                    command: echo hi
                    {lines}{expected}
            """);

        var exception = await Assert.ThrowsAsync<AssignmentFormatException>(() => LoadAsync(folder));

        Assert.EndsWith("classroom.yml", exception.FilePath, StringComparison.Ordinal);
        Assert.Equal("jobs.grade.steps[0]." + key, exception.Key);
        Assert.NotNull(exception.Line);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jobs:\n  grade:\n    steps:\n    - id: t\n      uses: classroom-resources/autograding-command-grader@v1\n      with:\n        test-name: T\n", 7, "jobs.grade.steps[0].with.command", "is required but missing")]
    [InlineData("jobs:\n  grade:\n    steps:\n    - id: t\n      uses: classroom-resources/autograding-command-grader@v1\n      with:\n        command: 'true'\n        timeout: soon\n", 8, "jobs.grade.steps[0].with.timeout", "expected a number of minutes but found 'soon'")]
    [InlineData("jobs:\n  grade:\n    steps:\n    - id: t\n      uses: classroom-resources/autograding-command-grader@v1\n      with:\n        command: 'true'\n    - uses: classroom-resources/autograding-grading-reporter@v1\n      with:\n        runners: t,u\n", 10, "jobs.grade.steps[1].with.runners", "lists 'u', but no grader step before it has that id")]
    [InlineData("jobs:\n  grade:\n    steps: [\n", 5, null, "not valid YAML")]
    public async Task LoadAsync_BrokenWorkflow_NamesFileLineAndKey(string workflow, int line, string? key, string problem)
    {
        using var folder = new TempAssignmentFolder();
        folder.Write(WorkflowPath, workflow.Replace("autograding-command-grader", "autograding-command-grader", StringComparison.Ordinal) + (workflow.Contains("grader", StringComparison.Ordinal) ? string.Empty : "# classroom-resources/autograding-command-grader\n"));

        await AssignmentAssert.FailsAsync(folder, "classroom.yml", line, key, problem);
    }

    [Fact]
    public async Task LoadAsync_ExpressionsAndDuplicateNames_AreReadWithWarnings()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write(WorkflowPath, """
            jobs:
              grade:
                steps:
                - id: a
                  uses: classroom-resources/autograding-command-grader@v1
                  with:
                    test-name: Check
                    command: GH_TOKEN=${{ secrets.GITHUB_TOKEN }} ./check.sh
                    max-score: 1
                - id: b
                  uses: classroom-resources/autograding-command-grader@v1
                  with:
                    test-name: Check
                    command: ./check.sh
                    max-score: 1
            """);

        var assignment = await LoadAsync(folder);

        Assert.Equal(["Check", "Check (2)"], assignment.Tests.Select(t => t.Name));
        Assert.Equal("GH_TOKEN= ./check.sh", assignment.Tests[0].Run);
        Assert.Contains(assignment.Warnings, w => w.Contains("expression is not evaluated", StringComparison.Ordinal));
        Assert.Contains(assignment.Warnings, w => w.Contains("shown as 'Check (2)'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_WorkflowWithoutTheAutogradingActions_IsNotTheAssignmentFile()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write(".github/workflows/ci.yml", "jobs:\n  build:\n    steps:\n    - run: make\n");
        folder.WriteJson("""{"tests": [{"name": "Json", "run": "true"}]}""");

        var assignment = await LoadAsync(folder);

        Assert.Equal("Json", Assert.Single(assignment.Tests).Name);
    }
}
