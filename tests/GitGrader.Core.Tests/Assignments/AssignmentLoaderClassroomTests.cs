using GitGrader.Core.Assignments;

namespace GitGrader.Core.Tests.Assignments;

public sealed class AssignmentLoaderClassroomTests
{
    private const string ValidJson = """
        {
          "tests": [
            {
              "name": "Prints sum",
              "setup": "pip install -q numpy",
              "run": "python3 sum.py",
              "input": "1 2\n",
              "output": "3",
              "comparison": "exact",
              "timeout": 5,
              "points": 2
            },
            {
              "name": "Compiles",
              "setup": "",
              "run": "python3 -m py_compile sum.py",
              "input": "",
              "output": "",
              "comparison": "included",
              "timeout": 1,
              "points": null
            },
            {
              "name": "Greets",
              "run": "python3 hello.py",
              "output": "Hello"
            }
          ]
        }
        """;

    private static Task<Assignment> LoadAsync(TempAssignmentFolder folder) =>
        AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

    [Fact]
    public async Task LoadAsync_ValidClassroomJson_ReadsAssignment()
    {
        using var folder = new TempAssignmentFolder("sum-numbers");
        folder.WriteJson(ValidJson);

        var assignment = await LoadAsync(folder);

        Assert.Equal(AssignmentFormat.Classroom, assignment.Format);
        Assert.Equal("sum-numbers", assignment.Name);
        Assert.Equal("sum-numbers", assignment.Slug);
        Assert.Equal(AssignmentLoader.DefaultClassroomImage, assignment.Image);
        Assert.Equal("gitgrader/classroom:latest", assignment.Image);
        Assert.Equal(folder.Path, assignment.Directory);
        Assert.Equal(ImportedLimits.Default, assignment.Limits);
        Assert.Null(assignment.Deadline);
        Assert.Null(assignment.Setup);
        Assert.Equal(3, assignment.Tests.Count);
        Assert.Equal(2, assignment.MaxScore);
    }

    [Fact]
    public async Task LoadAsync_ClassroomIoTest_MapsFields()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson(ValidJson);

        var test = (await LoadAsync(folder)).Tests[0];

        Assert.Equal("Prints sum", test.Name);
        Assert.Equal(TestKind.Io, test.Kind);
        Assert.Equal("python3 sum.py", test.Run);
        Assert.Equal("pip install -q numpy", test.Setup);
        Assert.Equal("1 2\n", test.Input);
        Assert.Equal("3", test.Expected);
        Assert.Equal(OutputComparison.Exact, test.Comparison);
        Assert.Equal(TimeSpan.FromMinutes(5), test.Timeout);
        Assert.Equal(2, test.Points);
        Assert.Equal(Visibility.Visible, test.Visibility);
    }

    [Fact]
    public async Task LoadAsync_ClassroomTestWithoutInputOrOutput_IsRunTest()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson(ValidJson);

        var test = (await LoadAsync(folder)).Tests[1];

        Assert.Equal(TestKind.Run, test.Kind);
        Assert.Null(test.Input);
        Assert.Null(test.Expected);
        Assert.Null(test.Setup);
        Assert.Equal(0, test.Points);
        Assert.Equal(TimeSpan.FromMinutes(1), test.Timeout);
    }

    [Fact]
    public async Task LoadAsync_ClassroomTestWithDefaults_UsesIncludedAndOneMinuteAsEducationAutogradingDid()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson(ValidJson);

        var test = (await LoadAsync(folder)).Tests[2];

        Assert.Equal(TestKind.Io, test.Kind);
        Assert.Null(test.Input);
        Assert.Equal("Hello", test.Expected);
        Assert.Equal(OutputComparison.Included, test.Comparison);
        Assert.Equal(TimeSpan.FromMinutes(1), test.Timeout);
        Assert.Equal(0, test.Points);
    }

    [Fact]
    public async Task LoadAsync_ClassroomInputWithoutOutput_IsIoWithEmptyExpected()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("""{"tests":[{"name":"Reads","run":"python3 r.py","input":"x"}]}""");

        var test = Assert.Single((await LoadAsync(folder)).Tests);

        Assert.Equal(TestKind.Io, test.Kind);
        Assert.Equal("x", test.Input);
        Assert.Equal(string.Empty, test.Expected);
    }

    [Fact]
    public async Task LoadAsync_ClassroomWithHiddenFiles_MarksEveryTestHidden()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson(ValidJson);
        folder.Write("hidden/deep/test_sum.py", "def test_sum(): pass\n");

        var assignment = await LoadAsync(folder);

        Assert.All(assignment.Tests, test => Assert.Equal(Visibility.Hidden, test.Visibility));
    }

    [Fact]
    public async Task LoadAsync_ClassroomWithEmptyHiddenFolder_KeepsTestsVisible()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson(ValidJson);
        Directory.CreateDirectory(Path.Combine(folder.Path, "hidden", "empty"));

        var assignment = await LoadAsync(folder);

        Assert.All(assignment.Tests, test => Assert.Equal(Visibility.Visible, test.Visibility));
    }

    [Fact]
    public async Task LoadAsync_ClassroomJsonWithByteOrderMark_Loads()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("\uFEFF" + """{"tests":[{"name":"Runs","run":"true"}]}""");

        var assignment = await LoadAsync(folder);

        Assert.Equal("Runs", Assert.Single(assignment.Tests).Name);
    }

    [Fact]
    public async Task LoadAsync_MalformedJson_ReportsLine()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("""
            {
              "tests": [
                {
                  "name": "Runs"
                  "run": "true"
                }
              ]
            }
            """);

        await AssignmentAssert.JsonFailsAsync(folder, 5, "tests[0].name", "invalid JSON");
    }

    [Fact]
    public async Task LoadAsync_TruncatedJson_ReportsInvalidJson()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("{\n  \"tests\": [\n");

        var exception = await Assert.ThrowsAsync<AssignmentFormatException>(() => LoadAsync(folder));

        Assert.Contains("autograding.json:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("invalid JSON", exception.Message, StringComparison.Ordinal);
        Assert.NotNull(exception.Line);
    }

    [Fact]
    public async Task LoadAsync_EmptyJson_ReportsEmpty()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("  \n");

        await AssignmentAssert.JsonFailsAsync(folder, null, null, "the file is empty");
    }

    [Fact]
    public async Task LoadAsync_UnknownJsonProperty_IsIgnoredAsClassroomDid_WithAWarningNamingTheLikelyKey()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("""
            {
              "tests": [
                {
                  "name": "Runs",
                  "run": "true",
                  "pionts": 1,
                  "description": "checks that it runs"
                }
              ]
            }
            """);

        var assignment = await LoadAsync(folder);

        var test = Assert.Single(assignment.Tests);
        Assert.Equal(0, test.Points);
        Assert.Equal(2, assignment.Warnings.Count);
        Assert.EndsWith(":6: tests[0].pionts: key 'pionts' is not read (Classroom ignored it too); did you mean 'points'?.", assignment.Warnings[0], StringComparison.Ordinal);
        Assert.EndsWith(":7: tests[0].description: key 'description' is not read (Classroom ignored it too).", assignment.Warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_UnknownTopLevelJsonProperty_IsIgnoredWithAWarning()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("""
            {
              "tests": [{"name": "Runs", "run": "true"}],
              "deadline": "tomorrow"
            }
            """);

        var assignment = await LoadAsync(folder);

        Assert.Single(assignment.Tests);
        var warning = Assert.Single(assignment.Warnings);
        Assert.EndsWith(":3: deadline: key 'deadline' is not read (Classroom ignored it too).", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_JsonPointsNotANumber_ReportsWrongType()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("""
            {
              "tests": [
                {"name": "A", "run": "true"},
                {"name": "B", "run": "true",
                 "points": "ten"}
              ]
            }
            """);

        await AssignmentAssert.JsonFailsAsync(folder, 5, "tests[1].points", "expected a number but found 'ten'");
    }

    [Fact]
    public async Task LoadAsync_JsonNameNotAString_ReportsWrongType()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("""
            {
              "tests": [
                {"name": 5, "run": "true"}
              ]
            }
            """);

        await AssignmentAssert.JsonFailsAsync(folder, 3, "tests[0].name", "expected a string but found '5'");
    }

    [Fact]
    public async Task LoadAsync_JsonTestsNotAList_ReportsWrongType()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("{\n  \"tests\": {}\n}\n");

        await AssignmentAssert.JsonFailsAsync(folder, 2, "tests", "expected a list of tests but found an object");
    }

    [Fact]
    public async Task LoadAsync_JsonRootNotAnObject_ReportsWrongType()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("[]");

        await AssignmentAssert.JsonFailsAsync(folder, 1, null, "expected an object with a 'tests' list but found a list");
    }

    [Fact]
    public async Task LoadAsync_JsonWithoutTests_ReportsMissing()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("{}");

        await AssignmentAssert.JsonFailsAsync(folder, 1, "tests", "is required but missing");
    }

    [Fact]
    public async Task LoadAsync_JsonWithEmptyTests_ReportsAtLeastOne()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("{\n\"tests\": []\n}");

        await AssignmentAssert.JsonFailsAsync(folder, 2, "tests", "must list at least one test");
    }

    [Fact]
    public async Task LoadAsync_JsonTestWithoutName_ReportsMissingAtTest()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("""
            {
              "tests": [
                {"name": "A", "run": "true"},
                {"run": "true"}
              ]
            }
            """);

        await AssignmentAssert.JsonFailsAsync(folder, 4, "tests[1].name", "is required but missing");
    }

    [Fact]
    public async Task LoadAsync_JsonTestWithoutRun_ReportsMissing()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("""
            {
              "tests": [
                {"name": "A"}
              ]
            }
            """);

        await AssignmentAssert.JsonFailsAsync(folder, 3, "tests[0].run", "is required but missing");
    }

    [Fact]
    public async Task LoadAsync_JsonTestWithEmptyRun_ReportsEmpty()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("""{"tests": [{"name": "A", "run": " "}]}""");

        await AssignmentAssert.JsonFailsAsync(folder, 1, "tests[0].run", "must not be empty");
    }

    [Fact]
    public async Task LoadAsync_JsonNullTest_Rejected()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("{\"tests\": [\nnull\n]}");

        await AssignmentAssert.JsonFailsAsync(folder, 2, "tests[0]", "expected a test object but found null");
    }

    [Fact]
    public async Task LoadAsync_JsonDuplicateTestNames_RunsBothAsClassroomDid_TheLaterNumbered()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("""
            {
              "tests": [
                {"name": "Sum", "run": "true", "points": 1},
                {"name": "SUM", "run": "false", "points": 2},
                {"name": "Sum", "run": "exit 3", "points": 3}
              ]
            }
            """);

        var assignment = await LoadAsync(folder);

        Assert.Equal(["Sum", "SUM (2)", "Sum (3)"], assignment.Tests.Select(t => t.Name));
        Assert.Equal(["true", "false", "exit 3"], assignment.Tests.Select(t => t.Run));
        Assert.Equal(6, assignment.MaxScore);
        Assert.Equal(2, assignment.Warnings.Count);
        Assert.EndsWith(":4: tests[1].name: a second test named 'SUM' (first at line 3); both run, as in Classroom, this one shown as 'SUM (2)'.", assignment.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("shown as 'Sum (3)'", assignment.Warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_JsonNullPoints_IsAPassFailCheckWorthNothing()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("""{"tests": [{"name": "Compiles", "run": "true", "points": null}, {"name": "Works", "run": "true", "points": 4}]}""");

        var assignment = await LoadAsync(folder);

        Assert.Equal([0d, 4d], assignment.Tests.Select(t => t.Points));
        Assert.Equal(4, assignment.MaxScore);
        Assert.Empty(assignment.Warnings);
    }

    [Fact]
    public async Task LoadAsync_JsonDuplicateProperty_Rejected()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("""
            {
              "tests": [
                {"name": "Sum", "run": "true",
                 "run": "false"}
              ]
            }
            """);

        await AssignmentAssert.JsonFailsAsync(folder, 4, "tests[0].run", "duplicate key 'run'");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("61")]
    public async Task LoadAsync_JsonTimeoutOutOfRange_Rejected(string minutes)
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson($$"""
            {
              "tests": [
                {"name": "Sum", "run": "true",
                 "timeout": {{minutes}}}
              ]
            }
            """);

        await AssignmentAssert.JsonFailsAsync(folder, 4, "tests[0].timeout", "must be more than 0 and at most 60 (minutes)");
    }

    [Fact]
    public async Task LoadAsync_JsonNegativePoints_Rejected()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("""{"tests": [{"name": "A", "run": "true", "points": -1}]}""");

        await AssignmentAssert.JsonFailsAsync(folder, 1, "tests[0].points", "must be 0 or more");
    }

    [Theory]
    [InlineData("exactly", " (did you mean 'exact'?)")]
    [InlineData("Exact", " (did you mean 'exact'?)")]
    [InlineData("contains", "")]
    public async Task LoadAsync_JsonUnknownComparison_IsComparedAsIncludedAsClassroomDid_WithAWarning(string value, string hint)
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson($$"""
            {"tests": [
              {"name": "A", "run": "true", "output": "x",
               "comparison": "{{value}}"}
            ]}
            """);

        var assignment = await LoadAsync(folder);

        Assert.Equal(OutputComparison.Included, Assert.Single(assignment.Tests).Comparison);
        var warning = Assert.Single(assignment.Warnings);
        Assert.EndsWith($":3: tests[0].comparison: '{value}' is compared as 'included', as Classroom compared every value but 'exact' and 'regex'{hint}.", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_JsonRegexComparison_IsAJavaScriptPatternWithNoFlags()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("""{"tests": [{"name": "A", "run": "true", "output": "^Total: \\d+$", "comparison": "regex"}]}""");

        var test = Assert.Single((await LoadAsync(folder)).Tests);

        Assert.Equal(OutputComparison.ClassroomRegex, test.Comparison);
        Assert.Equal("^Total: \\d+$", test.Expected);
    }

    [Fact]
    public async Task LoadAsync_JsonInvalidRegex_Rejected()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson("""
            {"tests": [
              {"name": "A", "run": "true",
               "output": "(", "comparison": "regex"}
            ]}
            """);

        await AssignmentAssert.JsonFailsAsync(folder, 3, "tests[0].output", "not a valid regular expression");
    }
}
