using System.Diagnostics;
using System.Text;
using GitGrader.Core.Grading;

namespace GitGrader.Core.Tests.Grading;

public sealed class JUnitReportParserTests
{
    [Fact]
    public void Parse_Pytest_ReadsEveryCaseWithOutcomes()
    {
        var cases = Parse(JUnitSamples.Pytest);

        Assert.Equal(["test_add", "test_divide", "test_later", "test_fixture"], cases.Select(c => c.Name));
        Assert.All(cases, c => Assert.Equal("tests.test_calc", c.ClassName));
        Assert.Equal(
            [JUnitOutcome.Passed, JUnitOutcome.Failed, JUnitOutcome.Skipped, JUnitOutcome.Error],
            cases.Select(c => c.Outcome));
        Assert.Equal(0.002, cases[1].TimeSeconds);
        Assert.Equal("assert 3 == 2\n +  where 3 = divide(6, 2)", cases[1].Message);
        Assert.StartsWith("def test_divide():\n>       assert divide(6, 2) == 2", cases[1].Details, StringComparison.Ordinal);
        Assert.EndsWith("tests/test_calc.py:9: AssertionError", cases[1].Details, StringComparison.Ordinal);
        Assert.Equal("not implemented yet", cases[2].Message);
        Assert.Contains("FileNotFoundError", cases[3].Message, StringComparison.Ordinal);
        Assert.Null(cases[0].Message);
        Assert.Null(cases[0].Details);
    }

    [Fact]
    public void Parse_PytestLegacyTestsuiteRoot_ReadsCase()
    {
        var single = Assert.Single(Parse(JUnitSamples.PytestLegacy));

        Assert.Equal(new JUnitCase("test_hello", "test_greets", JUnitOutcome.Passed, null, null, 0.001), single);
    }

    [Fact]
    public void Parse_JUnit5ConsoleLauncher_ReadsCasesAndIgnoresSystemOut()
    {
        var cases = Parse(JUnitSamples.JUnit5);

        Assert.Equal(["addsTwoNumbers()", "dividesByZero()", "notYet()"], cases.Select(c => c.Name));
        Assert.Equal([JUnitOutcome.Passed, JUnitOutcome.Failed, JUnitOutcome.Skipped], cases.Select(c => c.Outcome));
        Assert.Equal("expected: <0> but was: <1>", cases[1].Message);
        Assert.StartsWith("org.opentest4j.AssertionFailedError: expected: <0> but was: <1>\n\tat ", cases[1].Details, StringComparison.Ordinal);
        Assert.DoesNotContain("unique-id", cases[1].Details, StringComparison.Ordinal);
        Assert.Equal("public void CalculatorTest.notYet() is @Disabled", cases[2].Details);
        Assert.Equal(0.012, cases[0].TimeSeconds);
    }

    [Fact]
    public void Parse_GTest_DisabledAndSkippedCasesAreSkipped()
    {
        var cases = Parse(JUnitSamples.GTest);

        Assert.Equal(["Adds", "Divides", "DISABLED_Later", "SkipsOnPurpose"], cases.Select(c => c.Name));
        Assert.Equal(
            [JUnitOutcome.Passed, JUnitOutcome.Failed, JUnitOutcome.Skipped, JUnitOutcome.Skipped],
            cases.Select(c => c.Outcome));
        Assert.All(cases, c => Assert.Equal("MathTest", c.ClassName));
        Assert.StartsWith("/work/submission/test_math.cc:11\nExpected equality of these values:\n", cases[1].Message, StringComparison.Ordinal);
        Assert.Equal(0, cases[0].TimeSeconds);
    }

    [Fact]
    public void Parse_NodeTestReporter_ReadsNestedAndTopLevelCases()
    {
        var cases = Parse(JUnitSamples.Node);

        Assert.Equal(["adds", "divides", "later", "negative numbers", "top level"], cases.Select(c => c.Name));
        Assert.Equal(
            [JUnitOutcome.Passed, JUnitOutcome.Failed, JUnitOutcome.Skipped, JUnitOutcome.Passed, JUnitOutcome.Passed],
            cases.Select(c => c.Outcome));
        Assert.Equal("Expected values to be strictly equal:\n\n3 !== 2", cases[1].Message);
        Assert.StartsWith("[Error [ERR_TEST_FAILURE]", cases[1].Details, StringComparison.Ordinal);
        Assert.Equal(0.000512, cases[0].TimeSeconds);
    }

    [Fact]
    public void Parse_FailureAndTeardownError_FirstFailureDecides()
    {
        const string xml = """
            <testsuite><testcase name="t"><skipped message="s"/><failure message="assertion">a</failure><error message="teardown">b</error></testcase></testsuite>
            """;

        var single = Assert.Single(Parse(xml));

        Assert.Equal(JUnitOutcome.Failed, single.Outcome);
        Assert.Equal("assertion", single.Message);
        Assert.Equal("a", single.Details);
    }

    [Fact]
    public void Parse_EmptySuite_ReturnsNoCases()
    {
        Assert.Empty(Parse("<testsuites/>"));
    }

    [Fact]
    public void Parse_ControlCharacterReferences_Sanitized()
    {
        const string xml = """<testsuite><testcase name="colour&#x1B;[31m"><failure message="&#x1B;[31mred&#x1B;[0m&#x7;">&#x1B;[1mbold&#x0;</failure></testcase></testsuite>""";

        var single = Assert.Single(Parse(xml));

        Assert.Equal("colour", single.Name);
        Assert.Equal("red", single.Message);
        Assert.Equal("bold", single.Details);
    }

    [Fact]
    public void Parse_HugeFailureText_CappedWithVisibleMarker()
    {
        var xml = $"<testsuite><testcase name=\"big\"><failure message=\"m\">{new string('x', 1_000_000)}</failure></testcase></testsuite>";

        var single = Assert.Single(Parse(xml));

        Assert.True(single.Details!.Length <= JUnitReportParser.MaxTextChars, $"length {single.Details.Length}");
        Assert.Contains("… [truncated: ", single.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedSuites_ReadsTheCase()
    {
        var xml = string.Concat(Enumerable.Repeat("<testsuite>", 5_000)) + "<testcase name=\"deep\"/>" + string.Concat(Enumerable.Repeat("</testsuite>", 5_000));

        Assert.Equal("deep", Assert.Single(Parse(xml)).Name);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("abc", 0)]
    [InlineData("-3", 0)]
    [InlineData("NaN", 0)]
    [InlineData("", 0)]
    public void Parse_TimeAttribute_ReadLeniently(string time, double expected)
    {
        var single = Assert.Single(Parse($"<testsuite><testcase name=\"t\" time=\"{time}\"/></testsuite>"));

        Assert.Equal(expected, single.TimeSeconds);
    }

    [Fact]
    public void Parse_BillionLaughs_RejectedWithoutExpanding()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i < 10; i++)
        {
            sb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        }

        sb.Append("]>\n<testsuite><testcase name=\"&lol9;\"/></testsuite>");
        var stopwatch = Stopwatch.StartNew();

        var ex = Assert.Throws<JUnitFormatException>(() => Parse(sb.ToString()));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed}");
        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE t [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><testsuite><testcase name="&xxe;"/></testsuite>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE t SYSTEM "http://127.0.0.1:1/evil.dtd"><testsuite><testcase name="x"/></testsuite>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE t [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><testsuite/>""")]
    [InlineData("""<testsuite><testcase name="&xxe;"/></testsuite>""")]
    public void Parse_ExternalEntities_Rejected(string xml)
    {
        var ex = Assert.Throws<JUnitFormatException>(() => Parse(xml));

        Assert.DoesNotContain("root:", ex.Message, StringComparison.Ordinal);
        Assert.IsType<System.Xml.XmlException>(ex.InnerException);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<testsuite><testcase name=\"t\">")]
    [InlineData("<testsuite></testsuites>")]
    [InlineData("{\"tests\": []}")]
    public void Parse_Malformed_ThrowsJUnitFormatException(string xml)
    {
        var ex = Assert.Throws<JUnitFormatException>(() => Parse(xml));

        Assert.StartsWith("The JUnit report", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongRoot_SaysWhichRoot()
    {
        var ex = Assert.Throws<JUnitFormatException>(() => Parse("<html><testcase name=\"t\"/></html>"));

        Assert.Contains("<html>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TestcaseWithoutName_SaysWhere()
    {
        var ex = Assert.Throws<JUnitFormatException>(() => Parse("<testsuite>\n<testcase classname=\"c\"/>\n</testsuite>"));

        Assert.Contains("no name attribute (line 2)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8_ThrowsJUnitFormatException()
    {
        byte[] xml = [.. "<testsuite><testcase name=\""u8, 0xC3, 0x28, .. "\"/></testsuite>"u8];

        Assert.Throws<JUnitFormatException>(() => JUnitReportParser.Parse(xml));
    }

    [Fact]
    public void Parse_OverCharacterLimit_ThrowsJUnitFormatException()
    {
        var xml = $"<testsuite><testcase name=\"t\"><system-out>{new string('x', JUnitReportParser.MaxCharacters)}</system-out></testcase></testsuite>";

        Assert.Throws<JUnitFormatException>(() => Parse(xml));
    }

    [Fact]
    public void Parse_TooManyCases_ThrowsJUnitFormatException()
    {
        var xml = "<testsuite>" + string.Concat(Enumerable.Repeat("<testcase name=\"t\"/>", JUnitReportParser.MaxCases + 1)) + "</testsuite>";

        var ex = Assert.Throws<JUnitFormatException>(() => Parse(xml));

        Assert.Contains("more than 10,000 test cases", ex.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<JUnitCase> Parse(string xml) => JUnitReportParser.Parse(Encoding.UTF8.GetBytes(xml));
}
