using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;

namespace GitGrader.Core.Tests.Grading;

public sealed class LayoutPlanTests
{
    private static readonly string[] AllHidden = ["data/", "data/in.txt", "check.py"];

    [Fact]
    public void WordcountShape_HiddenIoTests_AreLaidOnce_AndNothingIsKept()
    {
        var plan = Plan(Io("a"), Io("b"), Io("c", Visibility.Hidden), Io("d", Visibility.Hidden, "data/in.txt"));

        Assert.Equal([0, 1], plan.OnStudentFilesAlone);
        Assert.Equal([new LayoutStep(2, LayoutAction.Lay), new LayoutStep(3, LayoutAction.None)], plan.Steps);
        Assert.False(plan.KeepsWorkingCopy);
    }

    [Fact]
    public void TestsTheInstructorsCodeDecides_AreEachRestored()
    {
        var plan = Plan(Run("a", Visibility.Hidden), Run("b", Visibility.Hidden), Pytest("c"), JUnit("d"));

        Assert.Empty(plan.OnStudentFilesAlone);
        Assert.All(plan.Steps, s => Assert.Equal(LayoutAction.Restore, s.Action));
        Assert.True(plan.KeepsWorkingCopy);
    }

    [Fact]
    public void VisibleTestsRunFirst_ThenTheRest_EachInTheAssignmentsOrder()
    {
        var plan = Plan(Io("h1", Visibility.Hidden), Run("v1", Visibility.Visible, "check.py"), Io("alone"), Io("after", Visibility.AfterDueDate), Run("v2", Visibility.Visible, "check.py"));

        Assert.Equal([2], plan.OnStudentFilesAlone);
        Assert.Equal([1, 4, 0, 3], plan.Steps.Select(s => s.Test));
    }

    [Fact]
    public void AnAfterDueDateIoTest_AfterAHiddenOne_RunsOnARestoredWorkingCopy()
    {
        // The hidden test's program could have copied a hidden file into the working copy; the after-due-date
        // test's output is shown once the deadline passes.
        var plan = Plan(Io("h", Visibility.Hidden), Io("late", Visibility.AfterDueDate));

        Assert.Equal([new LayoutStep(0, LayoutAction.Lay), new LayoutStep(1, LayoutAction.Restore)], plan.Steps);
        Assert.True(plan.KeepsWorkingCopy);
    }

    [Fact]
    public void AnAfterDueDateIoTest_BeforeAnyHiddenOne_IsLaid()
    {
        var plan = Plan(Io("late", Visibility.AfterDueDate, "data/in.txt"), Io("h", Visibility.Hidden));

        Assert.Equal([new LayoutStep(0, LayoutAction.Lay), new LayoutStep(1, LayoutAction.Lay)], plan.Steps);
    }

    [Fact]
    public void AVisibleIoTest_NeverSeesAFileItDoesNotList()
    {
        var plan = Plan(Io("a", Visibility.Visible, "data/in.txt"), Io("b", Visibility.Visible, "check.py"), Io("c", Visibility.Visible, "check.py"), Io("d", Visibility.Visible, "check.py", "data/in.txt"));

        Assert.Equal(
            [new LayoutStep(0, LayoutAction.Lay), new LayoutStep(1, LayoutAction.Restore), new LayoutStep(2, LayoutAction.None), new LayoutStep(3, LayoutAction.Lay)],
            plan.Steps);
    }

    [Fact]
    public void AHiddenIoTest_AfterAnyLayout_GetsEveryHiddenFile_WithoutARestore()
    {
        var plan = Plan(Run("v", Visibility.Visible, "check.py"), Io("h", Visibility.Hidden), Run("h2", Visibility.Hidden), Io("h3", Visibility.Hidden));

        Assert.Equal(
            [new LayoutStep(0, LayoutAction.Restore), new LayoutStep(1, LayoutAction.Lay), new LayoutStep(2, LayoutAction.Restore), new LayoutStep(3, LayoutAction.None)],
            plan.Steps);
    }

    [Fact]
    public void WithoutInstructorFiles_HiddenIoTestsNeedNoLayoutAtAll()
    {
        var plan = LayoutPlan.For([Io("a"), Io("b", Visibility.Hidden), Io("c", Visibility.Hidden)], _ => []);

        Assert.Equal([new LayoutStep(1, LayoutAction.None), new LayoutStep(2, LayoutAction.None)], plan.Steps);
        Assert.False(plan.KeepsWorkingCopy);
    }

    [Fact]
    public void AVisibleJUnitTest_NeverRunsOnTheStudentsFilesAlone()
    {
        var plan = Plan(JUnit("j", Visibility.Visible));

        Assert.Empty(plan.OnStudentFilesAlone);
        Assert.Equal([new LayoutStep(0, LayoutAction.Restore)], plan.Steps);
    }

    private static LayoutPlan Plan(params TestDefinition[] tests) =>
        LayoutPlan.For(tests, t => t.Visibility == Visibility.Hidden ? AllHidden : [.. t.Files]);

    private static TestDefinition Io(string name, Visibility visibility = Visibility.Visible, params string[] files) =>
        new() { Name = name, Kind = TestKind.Io, Run = "python3 x.py", Visibility = visibility, Files = files };

    private static TestDefinition Run(string name, Visibility visibility, params string[] files) =>
        new() { Name = name, Kind = TestKind.Run, Run = "python3 check.py", Visibility = visibility, Files = files };

    private static TestDefinition Pytest(string name) =>
        new() { Name = name, Kind = TestKind.Pytest, Visibility = Visibility.Hidden, Files = ["check.py"] };

    private static TestDefinition JUnit(string name, Visibility visibility = Visibility.Hidden) =>
        new() { Name = name, Kind = TestKind.JUnit, Run = "java -jar t.jar", ReportPath = "out/r.xml", Visibility = visibility };
}
