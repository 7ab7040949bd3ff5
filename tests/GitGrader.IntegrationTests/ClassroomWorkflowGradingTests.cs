using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>
/// Classroom's newer format graded for real, offline, in gitgrader/classroom: a workflow of the three autograding
/// actions, with the score Classroom's reporter would have sent, for a starter and a solution.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class ClassroomWorkflowGradingTests : GraderTestBase
{
    // Written the way Classroom's assignment page wrote it: a step per test, then the reporter.
    private const string Workflow = """
        name: Autograding Tests
        'on': [push, repository_dispatch]
        jobs:
          run-autograding-tests:
            runs-on: ubuntu-latest
            steps:
            - uses: actions/checkout@v4
            - name: Sums two numbers
              id: sums-two-numbers
              uses: classroom-resources/autograding-io-grader@v1
              with:
                test-name: Sums two numbers
                setup-command: ''
                command: python calc.py
                input: |
                  2 3
                expected-output: 'Sum: 5'
                comparison-method: contains
                timeout: 1
                max-score: 2
            - name: Prints the total
              id: prints-the-total
              uses: classroom-resources/autograding-io-grader@v1
              with:
                test-name: Prints the total
                command: python calc.py
                input: 10 20
                expected-output: "^Sum: 30$"
                comparison-method: regex
                timeout: 1
                max-score: 1
            - name: Runs with sudo pip
              id: runs-with-sudo-pip
              uses: classroom-resources/autograding-command-grader@v1
              with:
                test-name: Runs with sudo pip
                setup-command: sudo -H pip3 install pytest
                command: python -c "import calc; assert calc.add(1, 2) == 3"
                timeout: 1
                max-score: 3
            - name: Unit tests
              id: unit-tests
              uses: classroom-resources/autograding-python-grader@v1
              with:
                timeout: 2
                max-score: 4
            - name: Autograding Reporter
              uses: classroom-resources/autograding-grading-reporter@v1
              env:
                SUMS-TWO-NUMBERS_RESULTS: "${{steps.sums-two-numbers.outputs.result}}"
                PRINTS-THE-TOTAL_RESULTS: "${{steps.prints-the-total.outputs.result}}"
                RUNS-WITH-SUDO-PIP_RESULTS: "${{steps.runs-with-sudo-pip.outputs.result}}"
                UNIT-TESTS_RESULTS: "${{steps.unit-tests.outputs.result}}"
              with:
                runners: sums-two-numbers,prints-the-total,runs-with-sudo-pip,unit-tests
        """;

    private const string Tests = """
        import calc

        def test_add():
            assert calc.add(2, 2) == 4

        def test_add_negative():
            assert calc.add(-1, -1) == -2

        def test_sub():
            assert calc.sub(5, 3) == 2

        def test_sub_negative():
            assert calc.sub(-1, 1) == -2
        """;

    private const string Solution = """
        def add(a, b):
            return a + b

        def sub(a, b):
            return a - b

        if __name__ == "__main__":
            a, b = map(int, input().split())
            print("Sum:", add(a, b))
        """;

    // The starter: add works, sub does not; it prints a prompt before the sum, so the anchored regex fails.
    private const string Starter = """
        def add(a, b):
            return a + b

        def sub(a, b):
            return 0

        if __name__ == "__main__":
            a, b = map(int, input("Two numbers: ").split())
            print("Sum:", add(a, b))
        """;

    public ClassroomWorkflowGradingTests(DockerFixture docker)
        : base(docker)
    {
    }

    private static Scenario Assignment(string calc) => new Scenario()
        .AssignmentFile(".github/workflows/classroom.yml", Workflow)
        .AssignmentFile("autograding.json", """{"tests": [{"name": "Stale", "run": "false", "points": 100}]}""")
        .Hidden("tests/test_calc.py", Tests)
        .Submission("calc.py", calc);

    [Fact]
    public async Task Solution_GetsFullMarks_AsClassroomsReporterSummedThem()
    {
        using var scenario = Assignment(Solution);

        var report = await GradeAsync(scenario);

        Assert.Equal(["Sums two numbers", "Prints the total", "Runs with sudo pip", "Unit tests › test_add", "Unit tests › test_add_negative", "Unit tests › test_sub", "Unit tests › test_sub_negative"], report.Tests.Select(t => t.Name));
        Assert.All(report.Tests, t => Assert.Equal(TestStatus.Passed, t.Status));
        Assert.Equal(10, report.Score);
        Assert.Equal(10, report.MaxScore);
    }

    [Fact]
    public async Task Starter_ScoresWhatClassroomGaveIt_ContainsPassesPastAPrompt_TheAnchoredRegexDoesNot_HalfTheUnitTests()
    {
        using var scenario = Assignment(Starter);

        var report = await GradeAsync(scenario);

        Assert.Equal(TestStatus.Passed, Single(report, "Sums two numbers").Status);
        Assert.Equal(TestStatus.Failed, Single(report, "Prints the total").Status);
        Assert.Equal(TestStatus.Passed, Single(report, "Runs with sudo pip").Status);
        Assert.Equal(TestStatus.Failed, Single(report, "Unit tests › test_sub").Status);

        // 2 (contains) + 0 (regex) + 3 (command) + 4 x 2/4 (python grader: an equal share per passing test).
        Assert.Equal(7, report.Score);
        Assert.Equal(10, report.MaxScore);
    }
}
