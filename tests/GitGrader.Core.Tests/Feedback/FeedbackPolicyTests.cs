using GitGrader.Core.Feedback;

namespace GitGrader.Core.Tests.Feedback;

public sealed class FeedbackPolicyTests
{
    private static readonly FeedbackLimit Three = new() { HiddenResultsPerDay = 3 };

    [Fact]
    public void ResultsPerDayFor_NoOverride_IsTheAssignmentsNumber()
    {
        Assert.Equal(3, new FeedbackPolicy(Three).ResultsPerDayFor("octocat"));
    }

    [Fact]
    public void ResultsPerDayFor_Accommodation_IsTheOverride_IgnoringCase()
    {
        var policy = new FeedbackPolicy(Three, new Dictionary<string, int?> { ["Alice"] = 6 });

        Assert.Equal(6, policy.ResultsPerDayFor("alice"));
        Assert.Equal(6, policy.ResultsPerDayFor("ALICE"));
        Assert.Equal(3, policy.ResultsPerDayFor("bob"));
    }

    [Fact]
    public void ResultsPerDayFor_TestAccountUnlimited_IsNull()
    {
        var policy = new FeedbackPolicy(Three, new Dictionary<string, int?> { ["prof-test"] = null });

        Assert.Null(policy.ResultsPerDayFor("prof-test"));
    }

    [Fact]
    public void ResultsPerDayFor_AssignmentWithoutLimit_IsUnlimitedEvenWithAnOverride()
    {
        var policy = new FeedbackPolicy(null, new Dictionary<string, int?> { ["alice"] = 6 });

        Assert.Null(policy.ResultsPerDayFor("alice"));
        Assert.Null(FeedbackPolicy.None.ResultsPerDayFor("anyone"));
    }

    [Fact]
    public void StudentKey_IsLowerCase()
    {
        Assert.Equal("octocat", FeedbackPolicy.StudentKey("OctoCat"));
    }
}
