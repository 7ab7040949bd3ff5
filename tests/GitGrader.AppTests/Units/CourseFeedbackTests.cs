using GitGrader.Classroom;
using GitGrader.Core.Assignments;
using GitGrader.Core.Feedback;

namespace GitGrader.AppTests.Units;

public sealed class CourseFeedbackTests
{
    private static readonly FeedbackLimit Three = new() { HiddenResultsPerDay = 3 };

    private static readonly AssignmentCatalog Catalog = new("cs101",
    [
        new Assignment { Slug = "lab-1", Name = "Lab 1", Image = "img", Directory = "/tmp/lab-1", Tests = [], Feedback = Three },
        new Assignment { Slug = "lab-2", Name = "Lab 2", Image = "img", Directory = "/tmp/lab-2", Tests = [], Feedback = Three },
        new Assignment { Slug = "free", Name = "Free", Image = "img", Directory = "/tmp/free", Tests = [] },
    ]);

    private static (CourseFeedback Feedback, List<string> Problems) Create(params FeedbackOverrideOptions[] overrides)
    {
        var problems = new List<string>();
        return (CourseFeedback.Create(Catalog, overrides, problems), problems);
    }

    [Fact]
    public void Create_NoOverrides_EachAssignmentKeepsItsOwnLimit()
    {
        var (feedback, problems) = Create();

        Assert.Empty(problems);
        Assert.Equal(3, feedback.For("lab-1").ResultsPerDayFor("alice"));
        Assert.Null(feedback.For("free").ResultsPerDayFor("alice"));
        Assert.Null(feedback.For("unknown").ResultsPerDayFor("alice"));
    }

    [Fact]
    public void Create_AccommodationOnEveryAssignment_AndATestAccountUnlimited()
    {
        var (feedback, problems) = Create(
            new FeedbackOverrideOptions { Student = "Alice", HiddenResultsPerDay = 6 },
            new FeedbackOverrideOptions { Student = "prof-test", Unlimited = true });

        Assert.Empty(problems);
        Assert.Equal(6, feedback.For("lab-1").ResultsPerDayFor("alice"));
        Assert.Equal(6, feedback.For("lab-2").ResultsPerDayFor("ALICE"));
        Assert.Null(feedback.For("lab-2").ResultsPerDayFor("prof-test"));
        Assert.Equal(3, feedback.For("lab-2").ResultsPerDayFor("bob"));
    }

    [Fact]
    public void Create_OverrideForOneAssignment_BeatsTheOneForEvery()
    {
        var (feedback, problems) = Create(
            new FeedbackOverrideOptions { Student = "alice", Assignment = "lab-2", HiddenResultsPerDay = 10 },
            new FeedbackOverrideOptions { Student = "alice", HiddenResultsPerDay = 6 });

        Assert.Empty(problems);
        Assert.Equal(6, feedback.For("lab-1").ResultsPerDayFor("alice"));
        Assert.Equal(10, feedback.For("lab-2").ResultsPerDayFor("alice"));
    }

    [Fact]
    public void Create_EveryBadOverride_IsAProblemNamingItsKey()
    {
        var (_, problems) = Create(
            new FeedbackOverrideOptions { Student = "not a login", HiddenResultsPerDay = 6 },
            new FeedbackOverrideOptions { Student = "bob", Assignment = "lab-9", HiddenResultsPerDay = 6 },
            new FeedbackOverrideOptions { Student = "bob", Assignment = "free", HiddenResultsPerDay = 6 },
            new FeedbackOverrideOptions { Student = "carol" },
            new FeedbackOverrideOptions { Student = "dave", HiddenResultsPerDay = 6, Unlimited = true },
            new FeedbackOverrideOptions { Student = "erin", HiddenResultsPerDay = -1 },
            new FeedbackOverrideOptions { Student = "frank", HiddenResultsPerDay = 2 },
            new FeedbackOverrideOptions { Student = "Frank", HiddenResultsPerDay = 4 });

        Assert.Collection(
            problems,
            p => Assert.StartsWith("Classroom:FeedbackOverrides:0:Student: 'not a login' is not a GitHub login", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Classroom:FeedbackOverrides:1:Assignment: no assignment 'lab-9'", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Classroom:FeedbackOverrides:2:Assignment: assignment 'free' has no 'feedback:' limit", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Classroom:FeedbackOverrides:3: give exactly one of HiddenResultsPerDay", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Classroom:FeedbackOverrides:4: give exactly one of HiddenResultsPerDay", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Classroom:FeedbackOverrides:5:HiddenResultsPerDay: must be from 0 to 1000", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Classroom:FeedbackOverrides:7: a second override for student 'Frank' on every assignment", p, StringComparison.Ordinal));
    }
}
