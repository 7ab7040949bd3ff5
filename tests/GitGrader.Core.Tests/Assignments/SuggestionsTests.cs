using GitGrader.Core.Assignments;

namespace GitGrader.Core.Tests.Assignments;

public sealed class SuggestionsTests
{
    private static readonly string[] Keys = ["name", "kind", "run", "points", "visibility", "timeout", "submission_files"];

    [Theory]
    [InlineData("pionts", "points")]
    [InlineData("Points", "points")]
    [InlineData("timout", "timeout")]
    [InlineData("visiblity", "visibility")]
    [InlineData("submission_file", "submission_files")]
    public void Closest_Typo_ReturnsIntendedKey(string typo, string expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typo, Keys));
    }

    [Theory]
    [InlineData("colour")]
    [InlineData("deadline")]
    public void Closest_UnrelatedWord_ReturnsNull(string word)
    {
        Assert.Null(Suggestions.Closest(word, Keys));
    }

    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_Pairs_CountsEdits(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.Distance(a, b));
    }
}
