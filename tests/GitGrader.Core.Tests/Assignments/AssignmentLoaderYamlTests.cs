using GitGrader.Core.Assignments;

namespace GitGrader.Core.Tests.Assignments;

public sealed class AssignmentLoaderYamlTests
{
    private const string FullYaml = """
        name: Word count
        slug: wc-1
        image: gitgrader/python:3.12
        deadline: 2026-12-15T23:59:00-05:00
        setup: python3 -m py_compile *.py
        limits:
          timeout: 1m30s
          memory: 512m
          cpus: 1.5
          pids: 64
          output: 128k
          workspace: 32MiB
          submission_size: 1g
          submission_files: 100
          submission_folders: 40
          submission_depth: 8
          submission_path_length: 200
          submission_entries: 150
        tests:
          - name: Counts words
            kind: io
            run: python3 wc.py
            setup: cp data.txt /tmp
            input: "one two\n"
            expected: "2\n"
            comparison: whitespace
            points: 2
            visibility: after_due_date
            timeout: 500ms
          - name: Builds
            run: make
            points: 1.5
          - name: JUnit suite
            kind: junit
            run: ./gradlew test
            report: build/results.xml
            cases:
              testAdd: 1
              testSub: 2
          - name: Hidden stats
            kind: pytest
            files: [test_stats.py, sub/test_more.py]
            points: 3
            visibility: hidden
            cases:
              test_mean: 1
              test_median: 2
        """;

    private const string MinimalYaml = """
        name: Hello
        image: gitgrader/python:latest
        tests:
          - name: Runs
            run: python3 hello.py
        """;

    private static Task<Assignment> LoadAsync(TempAssignmentFolder folder) =>
        AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

    private static Task<Assignment> LoadFullAsync(TempAssignmentFolder folder)
    {
        folder.WriteYaml(FullYaml);
        folder.Write("hidden/test_stats.py", "def test_mean(): pass\n");
        folder.Write("hidden/sub/test_more.py", "def test_median(): pass\n");
        return LoadAsync(folder);
    }

    [Fact]
    public async Task LoadAsync_FullYaml_ReadsAssignmentFields()
    {
        using var folder = new TempAssignmentFolder();

        var assignment = await LoadFullAsync(folder);

        Assert.Equal("Word count", assignment.Name);
        Assert.Equal("wc-1", assignment.Slug);
        Assert.Equal("gitgrader/python:3.12", assignment.Image);
        Assert.Equal(folder.Path, assignment.Directory);
        Assert.Equal(AssignmentFormat.GitGrader, assignment.Format);
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 23, 59, 0, TimeSpan.FromHours(-5)), assignment.Deadline);
        Assert.Equal(TimeSpan.FromHours(-5), assignment.Deadline!.Value.Offset);
        Assert.Equal("python3 -m py_compile *.py", assignment.Setup);
        Assert.Equal(4, assignment.Tests.Count);
        Assert.Equal(9.5, assignment.MaxScore);
    }

    [Fact]
    public async Task LoadAsync_FullYaml_ReadsLimits()
    {
        using var folder = new TempAssignmentFolder();

        var limits = (await LoadFullAsync(folder)).Limits;

        Assert.Equal(TimeSpan.FromSeconds(90), limits.TestTimeout);
        Assert.Equal(512L * 1024 * 1024, limits.MemoryBytes);
        Assert.Equal(1.5, limits.Cpus);
        Assert.Equal(64, limits.Pids);
        Assert.Equal(128L * 1024, limits.OutputBytes);
        Assert.Equal(32L * 1024 * 1024, limits.WorkspaceBytes);
        Assert.Equal(1024L * 1024 * 1024, limits.SubmissionBytes);
        Assert.Equal(100, limits.SubmissionFiles);
        Assert.Equal(40, limits.SubmissionFolders);
        Assert.Equal(8, limits.SubmissionDepth);
        Assert.Equal(200, limits.SubmissionPathBytes);
        Assert.Equal(150, limits.SubmissionEntries);
    }

    [Fact]
    public async Task LoadAsync_FullYaml_ReadsIoTest()
    {
        using var folder = new TempAssignmentFolder();

        var test = (await LoadFullAsync(folder)).Tests[0];

        Assert.Equal("Counts words", test.Name);
        Assert.Equal(TestKind.Io, test.Kind);
        Assert.Equal("python3 wc.py", test.Run);
        Assert.Equal("cp data.txt /tmp", test.Setup);
        Assert.Equal("one two\n", test.Input);
        Assert.Equal("2\n", test.Expected);
        Assert.Equal(OutputComparison.Whitespace, test.Comparison);
        Assert.Equal(2, test.Points);
        Assert.Equal(Visibility.AfterDueDate, test.Visibility);
        Assert.Equal(TimeSpan.FromMilliseconds(500), test.Timeout);
        Assert.Null(test.ReportPath);
        Assert.Empty(test.Files);
        Assert.Null(test.Cases);
    }

    [Fact]
    public async Task LoadAsync_FullYaml_ReadsRunTest()
    {
        using var folder = new TempAssignmentFolder();

        var test = (await LoadFullAsync(folder)).Tests[1];

        Assert.Equal("Builds", test.Name);
        Assert.Equal(TestKind.Run, test.Kind);
        Assert.Equal("make", test.Run);
        Assert.Equal(1.5, test.Points);
        Assert.Null(test.Expected);
        Assert.Null(test.Input);
    }

    [Fact]
    public async Task LoadAsync_FullYaml_ReadsJUnitTestWithPointsFromCases()
    {
        using var folder = new TempAssignmentFolder();

        var test = (await LoadFullAsync(folder)).Tests[2];

        Assert.Equal(TestKind.JUnit, test.Kind);
        Assert.Equal("./gradlew test", test.Run);
        Assert.Equal("build/results.xml", test.ReportPath);
        Assert.Equal(3, test.Points);
        Assert.NotNull(test.Cases);
        Assert.Equal(1, test.Cases["testAdd"]);
        Assert.Equal(2, test.Cases["testSub"]);
    }

    [Fact]
    public async Task LoadAsync_FullYaml_ReadsPytestTest()
    {
        using var folder = new TempAssignmentFolder();

        var test = (await LoadFullAsync(folder)).Tests[3];

        Assert.Equal(TestKind.Pytest, test.Kind);
        Assert.Null(test.Run);
        Assert.Null(test.Setup);
        Assert.Equal(["test_stats.py", "sub/test_more.py"], test.Files);
        Assert.Equal(3, test.Points);
        Assert.Equal(Visibility.Hidden, test.Visibility);
        Assert.Equal(2, test.Cases!.Count);
        Assert.True(test.NeedsHiddenFiles);
    }

    [Fact]
    public async Task LoadAsync_MinimalYaml_AppliesDefaults()
    {
        using var folder = new TempAssignmentFolder("hello-world");
        folder.WriteYaml(MinimalYaml);

        var assignment = await LoadAsync(folder);

        Assert.Equal("hello-world", assignment.Slug);
        Assert.Equal("Hello", assignment.Name);
        Assert.Equal(AssignmentFormat.GitGrader, assignment.Format);
        Assert.Null(assignment.Deadline);
        Assert.Null(assignment.Setup);
        Assert.Equal(ResourceLimits.Default, assignment.Limits);
        var test = Assert.Single(assignment.Tests);
        Assert.Equal(TestKind.Run, test.Kind);
        Assert.Equal(0, test.Points);
        Assert.Equal(Visibility.Visible, test.Visibility);
        Assert.Equal(OutputComparison.Exact, test.Comparison);
        Assert.Null(test.Timeout);
        Assert.Null(test.Setup);
        Assert.Null(test.Cases);
        Assert.Empty(test.Files);
    }

    [Fact]
    public async Task LoadAsync_DirectoryWithTrailingSeparator_UsesFolderNameAsSlug()
    {
        using var folder = new TempAssignmentFolder("lab-3");
        folder.WriteYaml(MinimalYaml);

        var assignment = await AssignmentLoader.LoadAsync(folder.Path + Path.DirectorySeparatorChar, CancellationToken.None);

        Assert.Equal("lab-3", assignment.Slug);
        Assert.Equal(folder.Path, assignment.Directory);
    }

    [Fact]
    public async Task LoadAsync_PartialLimits_KeepsOtherDefaults()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            limits:
              memory: 64MB
              timeout: 2
            tests:
              - name: Runs
                run: "true"
            """);

        var limits = (await LoadAsync(folder)).Limits;

        Assert.Equal(64L * 1024 * 1024, limits.MemoryBytes);
        Assert.Equal(TimeSpan.FromSeconds(2), limits.TestTimeout);
        Assert.Equal(ResourceLimits.Default with { MemoryBytes = limits.MemoryBytes, TestTimeout = limits.TestTimeout }, limits);
    }

    [Fact]
    public async Task LoadAsync_LocalDeadlineWithTimeZone_UsesZoneOffset()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            deadline: 2026-12-15 23:59
            timezone: America/New_York
            tests:
              - name: Runs
                run: "true"
            """);

        var assignment = await LoadAsync(folder);

        Assert.Equal(new DateTimeOffset(2026, 12, 15, 23, 59, 0, TimeSpan.FromHours(-5)), assignment.Deadline);
        Assert.Equal(TimeSpan.FromHours(-5), assignment.Deadline!.Value.Offset);
    }

    [Fact]
    public async Task LoadAsync_LocalDeadlineInSummer_UsesDaylightOffset()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            deadline: 2026-07-01T12:00
            timezone: America/New_York
            tests:
              - name: Runs
                run: "true"
            """);

        var assignment = await LoadAsync(folder);

        Assert.Equal(TimeSpan.FromHours(-4), assignment.Deadline!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 16, 0, 0, TimeSpan.Zero), assignment.Deadline.Value.ToUniversalTime());
    }

    [Fact]
    public async Task LoadAsync_DeadlineWithOffsetAndTimeZone_KeepsWrittenOffset()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            deadline: 2026-12-15T23:59:00Z
            timezone: Europe/Paris
            tests:
              - name: Runs
                run: "true"
            """);

        var assignment = await LoadAsync(folder);

        Assert.Equal(TimeSpan.Zero, assignment.Deadline!.Value.Offset);
    }

    [Fact]
    public async Task LoadAsync_KindOmittedWithInputOnly_InfersIo()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            tests:
              - name: Echo
                run: cat
                input: hi
                expected: ""
            """);

        var test = Assert.Single((await LoadAsync(folder)).Tests);

        Assert.Equal(TestKind.Io, test.Kind);
        Assert.Equal("hi", test.Input);
        Assert.Equal(string.Empty, test.Expected);
    }

    [Fact]
    public async Task LoadAsync_OutputAlias_ReadsExpected()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            tests:
              - name: Greets
                run: python3 hello.py
                output: |
                  Hello, world!
                comparison: included
            """);

        var test = Assert.Single((await LoadAsync(folder)).Tests);

        Assert.Equal(TestKind.Io, test.Kind);
        Assert.Equal("Hello, world!\n", test.Expected);
        Assert.Null(test.Input);
        Assert.Equal(OutputComparison.Included, test.Comparison);
    }

    [Fact]
    public async Task LoadAsync_ValidRegexComparison_Loads()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            tests:
              - name: Greets
                run: python3 hello.py
                expected: '^Hello,\s+\w+!$'
                comparison: regex
            """);

        var test = Assert.Single((await LoadAsync(folder)).Tests);

        Assert.Equal(OutputComparison.Regex, test.Comparison);
        Assert.Equal(@"^Hello,\s+\w+!$", test.Expected);
    }

    [Fact]
    public async Task LoadAsync_CasesAgreeingWithPoints_Loads()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write("hidden/test_a.py", "def test_a(): pass\n");
        folder.WriteYaml("""
            name: Hello
            image: img
            tests:
              - name: Unit
                kind: pytest
                files: [test_a.py]
                points: 3
                cases:
                  test_a: 1.5
                  test_b: 1.5
            """);

        var test = Assert.Single((await LoadAsync(folder)).Tests);

        Assert.Equal(3, test.Points);
        Assert.Equal(1.5, test.Cases!["test_b"]);
    }

    [Fact]
    public async Task LoadAsync_JUnitWithoutCases_KeepsPointsAndNullCases()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            tests:
              - name: Suite
                kind: JUnit
                run: mvn -q test
                report: target/surefire-reports/TEST-all.xml
                points: 10
            """);

        var test = Assert.Single((await LoadAsync(folder)).Tests);

        Assert.Equal(TestKind.JUnit, test.Kind);
        Assert.Equal(10, test.Points);
        Assert.Null(test.Cases);
        Assert.Equal("target/surefire-reports/TEST-all.xml", test.ReportPath);
    }

    [Fact]
    public async Task LoadAsync_NullOptionalValues_TreatedAsAbsent()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            setup:
            limits:
            tests:
              - name: Runs
                run: "true"
                points: ~
            """);

        var assignment = await LoadAsync(folder);

        Assert.Null(assignment.Setup);
        Assert.Equal(ResourceLimits.Default, assignment.Limits);
        Assert.Equal(0, assignment.Tests[0].Points);
    }

    [Fact]
    public async Task LoadAsync_Cancelled_Throws()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(MinimalYaml);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AssignmentLoader.LoadAsync(folder.Path, cancellation.Token));
    }
}
