using System.Text.Json;
using GitGrader.Core.Assignments;
using GitGrader.Core.Reports;
using static GitGrader.Core.Tests.Reports.ReportSamples;

namespace GitGrader.Core.Tests.Reports;

public sealed class JsonReportWriterTests
{
    [Fact]
    public void Write_Report_IsExactlyOneDocumentWithSnakeCaseNames()
    {
        var json = JsonReportWriter.Write(Typical());

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("Calculator", root.GetProperty("assignment").GetString());
        Assert.Equal("calculator", root.GetProperty("slug").GetString());
        Assert.Equal(2, root.GetProperty("score").GetDouble());
        Assert.Equal(8.5, root.GetProperty("max_score").GetDouble());
        Assert.Equal(12_345, root.GetProperty("duration_ms").GetInt64());
        Assert.Equal(GradedAt, root.GetProperty("graded_at").GetDateTimeOffset());
        Assert.False(root.GetProperty("has_grader_error").GetBoolean());
        Assert.Equal(4, root.GetProperty("tests").GetArrayLength());
        Assert.Equal("src/calc.py", root.GetProperty("annotations")[0].GetProperty("path").GetString());
        Assert.Equal(0, root.GetProperty("notes").GetArrayLength());
        Assert.DoesNotContain("MaxScore", json, StringComparison.Ordinal);
        Assert.DoesNotContain("maxScore", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Test_HasEverySnakeCaseMember()
    {
        var json = JsonReportWriter.Write(Typical());

        using var document = JsonDocument.Parse(json);
        var test = document.RootElement.GetProperty("tests")[1];
        Assert.Equal("divides", test.GetProperty("name").GetString());
        Assert.Equal("failed", test.GetProperty("status").GetString());
        Assert.Equal(0, test.GetProperty("score").GetDouble());
        Assert.Equal(3, test.GetProperty("max_score").GetDouble());
        Assert.Equal("visible", test.GetProperty("visibility").GetString());
        Assert.Equal("output differs", test.GetProperty("message").GetString());
        Assert.Equal("3\n", test.GetProperty("output").GetString());
        Assert.Equal("2\n", test.GetProperty("expected").GetString());
        Assert.Equal("3\n", test.GetProperty("actual").GetString());
        Assert.Equal(120, test.GetProperty("duration_ms").GetInt64());
    }

    [Theory]
    [InlineData(TestStatus.Passed, "passed")]
    [InlineData(TestStatus.Failed, "failed")]
    [InlineData(TestStatus.Timeout, "timeout")]
    [InlineData(TestStatus.MemoryLimit, "memory_limit")]
    [InlineData(TestStatus.RuntimeError, "runtime_error")]
    [InlineData(TestStatus.CompileError, "compile_error")]
    [InlineData(TestStatus.Error, "error")]
    public void Write_Status_IsSnakeCaseString(TestStatus status, string expected)
    {
        using var document = JsonDocument.Parse(JsonReportWriter.Write(Report([Test("t", status)])));

        Assert.Equal(expected, document.RootElement.GetProperty("tests")[0].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(Visibility.Visible, "visible")]
    [InlineData(Visibility.Hidden, "hidden")]
    [InlineData(Visibility.AfterDueDate, "after_due_date")]
    public void Write_Visibility_IsSnakeCaseString(Visibility visibility, string expected)
    {
        using var document = JsonDocument.Parse(JsonReportWriter.Write(Report([Test("t", visibility: visibility)])));

        Assert.Equal(expected, document.RootElement.GetProperty("tests")[0].GetProperty("visibility").GetString());
    }

    [Fact]
    public void Write_NullMembers_LeftOut()
    {
        using var document = JsonDocument.Parse(JsonReportWriter.Write(Report([Test("t")])));

        var root = document.RootElement;
        Assert.False(root.TryGetProperty("rejection", out _));
        var test = root.GetProperty("tests")[0];
        Assert.False(test.TryGetProperty("message", out _));
        Assert.False(test.TryGetProperty("expected", out _));
        Assert.False(test.TryGetProperty("actual", out _));
        Assert.Equal(string.Empty, test.GetProperty("output").GetString());
    }

    [Fact]
    public void Write_RejectionAndGraderError_Written()
    {
        using var document = JsonDocument.Parse(JsonReportWriter.Write(Report([Test("t", TestStatus.Error)], rejection: "too big")));

        Assert.Equal("too big", document.RootElement.GetProperty("rejection").GetString());
        Assert.True(document.RootElement.GetProperty("has_grader_error").GetBoolean());
    }

    [Fact]
    public void Write_HostileStrings_StillOneValidDocument()
    {
        const string hostile = "\"}]} {\"score\": 100, \u2028 </script> \\ \u0000";

        var json = JsonReportWriter.Write(Report([Test(hostile, output: hostile)], notes: [hostile]));

        using var document = JsonDocument.Parse(json);
        Assert.Equal("\"}]} {\"score\": 100, <U+2028> </script> \\ \u2400", document.RootElement.GetProperty("tests")[0].GetProperty("name").GetString());
        Assert.Equal(1, document.RootElement.GetProperty("score").GetDouble());
    }

    [Theory]
    [InlineData("\u001B]0;pwned\u0007x.py", "\u241B]0;pwned\u2407x.py")]
    [InlineData("\u001B[31mred\u001B[0m", "\u241B[31mred\u241B[0m")]
    [InlineData("a\rb\bc\u007Fd", "a\u240Db\u2408c\u2421d")]
    [InlineData("\u009B31m \u0085", "<U+009B>31m <U+0085>")]
    [InlineData("evil\u202Eyp.exe \u2066x\u2069", "evil<U+202E>yp.exe <U+2066>x<U+2069>")]
    public void Write_ControlCharactersInOneLineStrings_DecodeToVisibleText(string raw, string shown)
    {
        var report = Report([Test(raw, message: raw, output: raw)], notes: ["Skipped symbolic link '" + raw + "'"], rejection: raw) with
        {
            Annotations = [new Annotation { Path = raw, Line = 1, Title = raw, Message = raw }],
        };

        var json = JsonReportWriter.Write(report);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var test = root.GetProperty("tests")[0];
        Assert.Equal(shown, test.GetProperty("name").GetString());
        Assert.Equal(shown, test.GetProperty("message").GetString());
        Assert.Equal("Skipped symbolic link '" + shown + "'", root.GetProperty("notes")[0].GetString());
        Assert.Equal(shown, root.GetProperty("rejection").GetString());
        Assert.Equal(shown, root.GetProperty("annotations")[0].GetProperty("path").GetString());
        Assert.All(Strings(root), s => Assert.DoesNotContain(s, c => (char.IsControl(c) && c is not '\n' and not '\t') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'));
        Assert.DoesNotContain("\u001B", test.GetProperty("output").GetString()!, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Fact]
    public void Read_WrittenReport_RoundTrips()
    {
        var original = Report(
            [
                Test("a", TestStatus.Passed, 2, 2, durationMs: 5),
                Test("b", TestStatus.Timeout, 0, 1.5, Visibility.AfterDueDate, message: "timed out", output: "partial", expected: "x", actual: "y"),
            ],
            notes: ["skipped symlink"],
            rejection: "too big");

        var json = JsonReportWriter.Write(original);
        var read = JsonReportWriter.Read(json);

        Assert.Equal(original.Assignment, read.Assignment);
        Assert.Equal(original.Slug, read.Slug);
        Assert.Equal(original.Score, read.Score);
        Assert.Equal(original.MaxScore, read.MaxScore);
        Assert.Equal(original.DurationMs, read.DurationMs);
        Assert.Equal(original.GradedAt, read.GradedAt);
        Assert.Equal(original.Rejection, read.Rejection);
        Assert.Equal(original.Tests, read.Tests);
        Assert.Equal(original.Annotations, read.Annotations);
        Assert.Equal(original.Notes, read.Notes);
        Assert.Equal(json, JsonReportWriter.Write(read));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{\"assignment\": \"a\"}")]
    [InlineData("{\"assignment\": \"a\"} {\"assignment\": \"b\"}")]
    [InlineData("not json")]
    public void Read_InvalidReport_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonReportWriter.Read(json));
    }
}
