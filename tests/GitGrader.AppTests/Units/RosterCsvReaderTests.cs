using GitGrader.Classroom;

namespace GitGrader.AppTests.Units;

public sealed class RosterCsvReaderTests
{
    [Fact]
    public void Reads_GitHub_Classroom_export_with_quotes_blank_logins_and_a_byte_order_mark()
    {
        var roster = RosterCsvReader.Parse(
            "\uFEFF\"identifier\",\"github_username\",\"github_id\",\"name\"\r\n\"ada@x.edu\",\"ada\",\"11\",\"Lovelace, Ada\"\r\n\"grace@x.edu\",\"\",\"\",\"\"\r\n",
            "roster.csv");

        Assert.Equal(2, roster.Entries.Count);
        Assert.Equal(new RosterEntry("ada@x.edu", "ada", "11", "Lovelace, Ada"), roster.Find("ADA"));
        Assert.Equal(string.Empty, roster.Entries[1].GitHubUsername);
        Assert.Null(roster.Entries[1].Name);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_only_two_are_required()
    {
        var roster = RosterCsvReader.Parse("github_username,identifier\nlin,s123\n", "r.csv");

        Assert.Equal("s123", roster.Find("lin")!.Identifier);
    }

    [Theory]
    [InlineData("name,identifier\nA,a\n", "r.csv:1: no 'github_username' column")]
    [InlineData("identifier,github_username\na,ada\nb,ada\n", "r.csv:3: github_username 'ada' is already on line 2")]
    [InlineData("identifier,github_username\na,ada,extra\n", "r.csv:2: 3 fields, but the header has 2")]
    [InlineData("identifier,github_username\na,not a login\n", "r.csv:2: github_username 'not a login' is not a GitHub login")]
    [InlineData("identifier,github_username\n\"a,ada\n", "r.csv:2: a quoted field is never closed")]
    [InlineData("", "r.csv: the roster is empty")]
    public void Errors_name_the_file_and_line(string text, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => RosterCsvReader.Parse(text, "r.csv"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
