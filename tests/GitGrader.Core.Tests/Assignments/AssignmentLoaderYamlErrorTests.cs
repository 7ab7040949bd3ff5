using GitGrader.Core.Assignments;

namespace GitGrader.Core.Tests.Assignments;

public sealed class AssignmentLoaderYamlErrorTests
{
    // Line 1..3; tests start at line 3, the first test's keys at lines 4 and 5.
    private const string Header = """
        name: Hello
        image: img
        tests:
        """;

    private static string WithTest(string testLines) => Header + "\n" + testLines;

    [Fact]
    public async Task LoadAsync_EmptyFile_ReportsEmpty()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("# nothing yet\n");

        await AssignmentAssert.YamlFailsAsync(folder, null, null, "the file is empty");
    }

    [Fact]
    public async Task LoadAsync_YamlSyntaxError_ReportsLine()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            tests:
              - name: 'unterminated
            """);

        var exception = await Assert.ThrowsAsync<AssignmentFormatException>(() => AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None));

        Assert.Contains("assignment.yml:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("invalid YAML", exception.Message, StringComparison.Ordinal);
        Assert.InRange(exception.Line!.Value, 4, 5);
    }

    [Fact]
    public async Task LoadAsync_BadIndentation_ReportsLine()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
             tests: [
            """);

        await AssignmentAssert.YamlFailsAsync(folder, 3, null, "invalid YAML");
    }

    [Fact]
    public async Task LoadAsync_RootIsList_ReportsExpectedMapping()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("- name: Hello\n");

        await AssignmentAssert.YamlFailsAsync(folder, 1, null, "expected a mapping");
    }

    [Fact]
    public async Task LoadAsync_TwoDocuments_ReportsSecond()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("name: a\n---\nname: b\n");

        await AssignmentAssert.YamlFailsAsync(folder, 3, null, "more than one YAML document");
    }

    [Fact]
    public async Task LoadAsync_UnknownTopLevelKey_SuggestsClosest()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            imgae: img
            tests:
              - name: Runs
                run: "true"
            """);

        var exception = await AssignmentAssert.YamlFailsAsync(folder, 2, "imgae", "unknown key 'imgae'; did you mean 'image'?");

        Assert.Contains("allowed keys: name, slug, image, deadline, timezone, setup, limits, tests", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_MisspeltTestKey_SuggestsPoints()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Runs
                run: "true"
                pionts: 2
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 6, "tests[0].pionts", "unknown key 'pionts'; did you mean 'points'?");
    }

    [Fact]
    public async Task LoadAsync_UnrelatedUnknownKey_ListsAllowedKeysWithoutSuggestion()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Runs
                run: "true"
                colour: blue
            """));

        var exception = await AssignmentAssert.YamlFailsAsync(folder, 6, "tests[0].colour", "unknown key 'colour'; allowed keys: name, kind, run,");

        Assert.DoesNotContain("did you mean", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_UnknownLimitKey_NamesDottedKey()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            limits:
              memroy: 1g
            tests:
              - name: Runs
                run: "true"
            """);

        await AssignmentAssert.YamlFailsAsync(folder, 4, "limits.memroy", "did you mean 'memory'?");
    }

    [Fact]
    public async Task LoadAsync_MisspeltCapKey_SuggestsTheCap()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            limits:
              submission_folder: 10
            tests:
              - name: Runs
                run: "true"
            """);

        await AssignmentAssert.YamlFailsAsync(folder, 4, "limits.submission_folder", "did you mean 'submission_folders'?");
    }

    [Fact]
    public async Task LoadAsync_PointsNotANumber_ReportsWrongType()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Runs
                run: "true"
              - name: Second
                run: "true"
                points: ten
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 8, "tests[1].points", "expected a number but found 'ten'");
    }

    [Fact]
    public async Task LoadAsync_NameIsList_ReportsWrongType()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: [a, b]
            image: img
            tests:
              - name: Runs
                run: "true"
            """);

        await AssignmentAssert.YamlFailsAsync(folder, 1, "name", "expected a string but found a list");
    }

    [Fact]
    public async Task LoadAsync_TestsIsMapping_ReportsWrongType()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            tests:
              name: Runs
            """);

        await AssignmentAssert.YamlFailsAsync(folder, 4, "tests", "expected a list but found a mapping");
    }

    [Fact]
    public async Task LoadAsync_TestIsScalar_ReportsExpectedMapping()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - Runs
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 4, "tests[0]", "but found 'Runs'");
    }

    [Fact]
    public async Task LoadAsync_UnknownKind_ListsAllowedValuesAndSuggests()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Runs
                kind: pytst
            """));

        var exception = await AssignmentAssert.YamlFailsAsync(folder, 5, "tests[0].kind", "unknown kind 'pytst'; did you mean 'pytest'?");

        Assert.Contains("allowed values: run, io, junit, pytest", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_UnknownVisibility_ListsAllowedValues()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Runs
                run: "true"
                visibility: secret
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 6, "tests[0].visibility", "allowed values: visible, hidden, after_due_date");
    }

    [Fact]
    public async Task LoadAsync_UnknownComparison_ListsAllowedValues()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Echo
                run: cat
                expected: x
                comparison: contains
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 7, "tests[0].comparison", "allowed values: exact, included, regex, whitespace");
    }

    [Fact]
    public async Task LoadAsync_MissingName_ReportsRequiredKeyAtTest()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: First
                run: "true"
              - run: "true"
                points: 1
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 6, "tests[1].name", "is required but missing");
    }

    [Fact]
    public async Task LoadAsync_EmptyName_ReportsEmpty()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: "  "
                run: "true"
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 4, "tests[0].name", "must not be empty");
    }

    [Fact]
    public async Task LoadAsync_MissingImage_ReportsRequiredKey()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            tests:
              - name: Runs
                run: "true"
            """);

        await AssignmentAssert.YamlFailsAsync(folder, 1, "image", "is required but missing");
    }

    [Fact]
    public async Task LoadAsync_MissingTests_ReportsRequiredKey()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("name: Hello\nimage: img\n");

        await AssignmentAssert.YamlFailsAsync(folder, 1, "tests", "is required but missing");
    }

    [Fact]
    public async Task LoadAsync_EmptyTestsList_ReportsAtLeastOne()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("name: Hello\nimage: img\ntests: []\n");

        await AssignmentAssert.YamlFailsAsync(folder, 3, "tests", "must list at least one test");
    }

    [Fact]
    public async Task LoadAsync_DuplicateKey_ReportsKeyAndLine()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: First
                run: "true"
              - name: Second
                run: "true"
                points: 1
                points: 2
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 9, "tests[1].points", "duplicate key 'points'");
    }

    [Fact]
    public async Task LoadAsync_DuplicateTopLevelKey_ReportsKeyAndLine()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("name: a\nimage: img\nname: b\n");

        await AssignmentAssert.YamlFailsAsync(folder, 3, "name", "duplicate key 'name'");
    }

    [Fact]
    public async Task LoadAsync_DuplicateTestNameIgnoringCase_ReportsBothLines()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Counts words
                run: "true"
              - name: counts WORDS
                run: "true"
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 6, "tests[1].name", "duplicate test name 'counts WORDS' (already used at line 4)");
    }

    [Fact]
    public async Task LoadAsync_InvalidRegex_ReportsExpectedLine()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Greets
                run: python3 hello.py
                comparison: regex
                expected: "Hello ("
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 7, "tests[0].expected", "not a valid regular expression");
    }

    [Fact]
    public async Task LoadAsync_InvalidRegexUnderOutputAlias_NamesOutputKey()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Greets
                run: python3 hello.py
                output: "[a-"
                comparison: regex
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 6, "tests[0].output", "not a valid regular expression");
    }

    [Fact]
    public async Task LoadAsync_ExpectedAndOutputBoth_ReportsAlias()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Greets
                run: python3 hello.py
                expected: a
                output: a
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 7, "tests[0].output", "give only one");
    }

    [Fact]
    public async Task LoadAsync_IoWithoutExpected_ReportsMissing()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Greets
                kind: io
                run: python3 hello.py
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 4, "tests[0].expected", "is required but missing");
    }

    [Fact]
    public async Task LoadAsync_RunTestWithoutRun_ReportsMissing()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Runs
                points: 1
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 4, "tests[0].run", "is required but missing");
    }

    [Fact]
    public async Task LoadAsync_ExpectedOnExplicitRunTest_ReportsNotAllowed()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Runs
                kind: run
                run: "true"
                expected: x
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 7, "tests[0].expected", "'expected' is not allowed in a run test");
    }

    [Fact]
    public async Task LoadAsync_FilesWithoutKind_HintsAtKind()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Unit
                files: [test_a.py]
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 5, "tests[0].files", "set 'kind: pytest'");
    }

    [Fact]
    public async Task LoadAsync_RunOnPytest_ReportsNotAllowed()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write("hidden/test_a.py", string.Empty);
        folder.WriteYaml(WithTest("""
              - name: Unit
                kind: pytest
                run: pytest
                files: [test_a.py]
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 6, "tests[0].run", "'run' is not allowed in a pytest test");
    }

    [Fact]
    public async Task LoadAsync_CasesOnIoTest_ReportsNotAllowed()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Echo
                run: cat
                expected: x
                cases:
                  a: 1
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 8, "tests[0].cases", "'cases' is not allowed in an io test");
    }

    [Fact]
    public async Task LoadAsync_PytestMissingFile_NamesMissingPath()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write("hidden/test_a.py", string.Empty);
        folder.WriteYaml(WithTest("""
              - name: Unit
                kind: pytest
                files:
                  - test_a.py
                  - test_b.py
            """));

        var exception = await AssignmentAssert.YamlFailsAsync(folder, 8, "tests[0].files[1]", "hidden file 'test_b.py' not found");

        Assert.Contains(Path.Combine(folder.Path, "hidden", "test_b.py"), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_FilesEntryMissing_ReportsNotFound()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write("hidden/tests/test_a.py", string.Empty);
        folder.WriteYaml(WithTest("""
              - name: Unit
                kind: pytest
                files: [tests/test_b.py]
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 6, "tests[0].files[0]", "hidden file 'tests/test_b.py' not found");
    }

    [Fact]
    public async Task LoadAsync_FilesOnRunTest_AcceptsFilesAndFolders()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write("hidden/tests/TestA.java", string.Empty);
        folder.Write("hidden/Helper.java", string.Empty);
        folder.WriteYaml(WithTest("""
              - name: Unit
                kind: run
                run: ./run-tests
                files: [tests, Helper.java]
            """));

        var assignment = await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

        var test = Assert.Single(assignment.Tests);
        Assert.Equal(["tests", "Helper.java"], test.Files);
        Assert.True(test.NeedsHiddenFiles);
    }

    [Theory]
    [InlineData("../secret.py", "must not contain '..'")]
    [InlineData("/etc/passwd", "must be a relative path")]
    public async Task LoadAsync_PytestFileEscapingHidden_Rejected(string file, string problem)
    {
        using var folder = new TempAssignmentFolder();
        folder.Write("secret.py", string.Empty);
        folder.WriteYaml(WithTest($"""
              - name: Unit
                kind: pytest
                files: ["{file}"]
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 6, "tests[0].files[0]", problem);
    }

    [Fact]
    public async Task LoadAsync_PytestWithoutFiles_ReportsMissing()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Unit
                kind: pytest
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 4, "tests[0].files", "is required but missing");
    }

    [Fact]
    public async Task LoadAsync_JUnitWithoutReport_ReportsMissing()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Suite
                kind: junit
                run: mvn test
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 4, "tests[0].report", "is required but missing");
    }

    [Theory]
    [InlineData("../results.xml", "must not contain '..'")]
    [InlineData("/tmp/results.xml", "must be a relative path")]
    public async Task LoadAsync_JUnitReportOutsideWorkingCopy_Rejected(string report, string problem)
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest($"""
              - name: Suite
                kind: junit
                run: mvn test
                report: {report}
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 7, "tests[0].report", problem);
    }

    [Fact]
    public async Task LoadAsync_PointsDifferFromCases_ReportsMismatch()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Suite
                kind: junit
                run: mvn test
                report: out.xml
                points: 5
                cases:
                  a: 1
                  b: 2
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 8, "tests[0].points", "is 5 but the cases add up to 3");
    }

    [Fact]
    public async Task LoadAsync_CasePointsNotANumber_NamesCase()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Suite
                kind: junit
                run: mvn test
                report: out.xml
                cases:
                  a: 1
                  b: lots
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 10, "tests[0].cases.b", "expected a number of points but found 'lots'");
    }

    [Fact]
    public async Task LoadAsync_NegativeCasePoints_Rejected()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Suite
                kind: junit
                run: mvn test
                report: out.xml
                cases:
                  a: -1
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 9, "tests[0].cases.a", "must be 0 or more");
    }

    [Fact]
    public async Task LoadAsync_NegativePoints_Rejected()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Runs
                run: "true"
                points: -2
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 6, "tests[0].points", "must be 0 or more");
    }

    [Fact]
    public async Task LoadAsync_AfterDueDateWithoutDeadline_Rejected()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Runs
                run: "true"
                visibility: after_due_date
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 6, "tests[0].visibility", "needs the assignment to have a 'deadline'");
    }

    [Fact]
    public async Task LoadAsync_LocalDeadlineWithoutTimeZone_AsksForOffsetOrZone()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            deadline: 2026-12-15 23:59
            tests:
              - name: Runs
                run: "true"
            """);

        await AssignmentAssert.YamlFailsAsync(folder, 3, "deadline", "has no UTC offset");
    }

    [Fact]
    public async Task LoadAsync_MalformedDeadline_ShowsExamples()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            deadline: next friday
            tests:
              - name: Runs
                run: "true"
            """);

        await AssignmentAssert.YamlFailsAsync(folder, 3, "deadline", "expected a date and time such as 2026-12-15T23:59:00-05:00");
    }

    [Fact]
    public async Task LoadAsync_DeadlineInDaylightSavingGap_Rejected()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            deadline: 2026-03-08 02:30
            timezone: America/New_York
            tests:
              - name: Runs
                run: "true"
            """);

        await AssignmentAssert.YamlFailsAsync(folder, 3, "deadline", "does not exist in America/New_York");
    }

    [Fact]
    public async Task LoadAsync_UnknownTimeZone_Rejected()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            image: img
            deadline: 2026-12-15 23:59
            timezone: Mars/Olympus_Mons
            tests:
              - name: Runs
                run: "true"
            """);

        await AssignmentAssert.YamlFailsAsync(folder, 4, "timezone", "unknown time zone 'Mars/Olympus_Mons'");
    }

    [Fact]
    public async Task LoadAsync_InvalidSlug_Rejected()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml("""
            name: Hello
            slug: Word Count
            image: img
            tests:
              - name: Runs
                run: "true"
            """);

        await AssignmentAssert.YamlFailsAsync(folder, 2, "slug", "must be lowercase letters, digits and '-'");
    }

    [Theory]
    [InlineData("timeout: 2h", "limits.timeout", "must be more than 0 and at most 1h")]
    [InlineData("timeout: 0s", "limits.timeout", "must be more than 0 and at most 1h")]
    [InlineData("timeout: ten seconds", "limits.timeout", "expected a duration such as 500ms")]
    [InlineData("memory: 1m", "limits.memory", "must be at least 6m")]
    [InlineData("memory: lots", "limits.memory", "expected a size such as 64k")]
    [InlineData("cpus: 0", "limits.cpus", "must be more than 0 and at most 64")]
    [InlineData("cpus: 65", "limits.cpus", "must be more than 0 and at most 64")]
    [InlineData("pids: 4", "limits.pids", "must be at least 8")]
    [InlineData("pids: 1.5", "limits.pids", "expected a whole number but found '1.5'")]
    [InlineData("output: 100", "limits.output", "must be at least 1k")]
    [InlineData("workspace: 0", "limits.workspace", "must be more than 0")]
    [InlineData("submission_size: 0k", "limits.submission_size", "must be more than 0")]
    [InlineData("submission_files: 0", "limits.submission_files", "must be at least 1")]
    [InlineData("submission_folders: 0", "limits.submission_folders", "must be at least 1")]
    [InlineData("submission_depth: -1", "limits.submission_depth", "must be at least 1")]
    [InlineData("submission_path_length: 0", "limits.submission_path_length", "must be at least 1")]
    [InlineData("submission_entries: 0", "limits.submission_entries", "must be at least 1")]
    public async Task LoadAsync_LimitOutOfRange_Rejected(string limitLine, string key, string problem)
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml($"""
            name: Hello
            image: img
            limits:
              {limitLine}
            tests:
              - name: Runs
                run: "true"
            """);

        await AssignmentAssert.YamlFailsAsync(folder, 4, key, problem);
    }

    [Fact]
    public async Task LoadAsync_TestTimeoutTooLong_Rejected()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(WithTest("""
              - name: Runs
                run: "true"
                timeout: 61m
            """));

        await AssignmentAssert.YamlFailsAsync(folder, 6, "tests[0].timeout", "at most 1h");
    }
}
