using System.Globalization;
using System.Text;
using GitGrader.Core.Grading;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Tests.Grading;

public sealed class CompilerDiagnosticAnnotatorTests
{
    private const string Root = "/work/submission/";

    private static IReadOnlyList<Annotation> Extract(string output) => CompilerDiagnosticAnnotator.Extract(output, Root, "Compile");

    [Fact]
    public void Extract_GccMissingSemicolon_AnnotatesTheLine()
    {
        var annotations = CompilerDiagnosticAnnotator.Extract(CompileErrorDetectorSamples.GccMissingSemicolon, Root, "Build");

        var annotation = Assert.Single(annotations);
        Assert.Equal(
            new Annotation { Path = "solution.cpp", Line = 5, Title = "Build", Message = "expected ';' before '}' token" },
            annotation);
    }

    [Fact]
    public void Extract_GccFatalError_AnnotatesWithTheWholeMessage()
    {
        var annotation = Assert.Single(Extract(CompileErrorDetectorSamples.GccMissingHeader));

        Assert.Equal("solution.cpp", annotation.Path);
        Assert.Equal(1, annotation.Line);
        Assert.Equal("foo.h: No such file or directory", annotation.Message);
    }

    [Fact]
    public void Extract_LinkerError_NoLineToAnnotate()
    {
        var annotations = Extract(CompileErrorDetectorSamples.GccUndefinedReference);

        Assert.Empty(annotations);
    }

    [Fact]
    public void Extract_Javac_AnnotatesTheLine()
    {
        var annotation = Assert.Single(Extract(CompileErrorDetectorSamples.JavacMissingSemicolon));

        Assert.Equal(
            new Annotation { Path = "Calculator.java", Line = 7, Title = "Compile", Message = "';' expected" },
            annotation);
    }

    [Fact]
    public void Extract_NodeSyntaxError_AnnotatesRelativeToSubmission()
    {
        var annotation = Assert.Single(Extract(CompileErrorDetectorSamples.NodeSyntaxError));

        Assert.Equal("strings.js", annotation.Path);
        Assert.Equal(3, annotation.Line);
        Assert.Equal("SyntaxError: Unexpected token ')'", annotation.Message);
    }

    [Fact]
    public void Extract_NodeSyntaxErrorInHiddenTest_NotAnnotated()
    {
        var output = CompileErrorDetectorSamples.NodeSyntaxError.Replace("/work/submission/strings.js", "/work/hidden/strings.test.js", StringComparison.Ordinal);

        var annotations = Extract(output);

        Assert.Empty(annotations);
    }

    [Theory]
    [InlineData(CompileErrorDetectorSamples.PythonSyntaxError)]
    [InlineData(CompileErrorDetectorSamples.PythonZeroDivision)]
    [InlineData(CompileErrorDetectorSamples.JavaRuntimeException)]
    [InlineData(CompileErrorDetectorSamples.GtestFailure)]
    public void Extract_NotGccJavacOrNode_NoAnnotations(string output)
    {
        var annotations = Extract(output);

        Assert.Empty(annotations);
    }

    [Fact]
    public void Extract_WarningsAndNotes_NotAnnotated()
    {
        const string output = """
            solution.cpp:3:9: warning: unused variable 'x' [-Wunused-variable]
                3 |     int x = 0;
                  |         ^
            solution.cpp:8:5: note: candidate expects 2 arguments, 1 provided
            """;

        var annotations = Extract(output);

        Assert.Empty(annotations);
    }

    [Theory]
    [InlineData("/work/submission/src/list.cpp:42:1: error: 'size_t' does not name a type", "src/list.cpp")]
    [InlineData("./lib/util.cpp:2:7: error: 'foo' was not declared in this scope", "lib/util.cpp")]
    [InlineData("src/Main.java:12: error: cannot find symbol", "src/Main.java")]
    [InlineData("include/list.h:9:3: error: 'Node' does not name a type", "include/list.h")]
    public void Extract_Paths_RelativeToSubmissionRoot(string output, string expectedPath)
    {
        var annotation = Assert.Single(Extract(output));

        Assert.Equal(expectedPath, annotation.Path);
    }

    [Theory]
    [InlineData("/work/submission")]
    [InlineData("/work/submission/")]
    public void Extract_RootWithOrWithoutTrailingSlash_SameResult(string root)
    {
        var annotations = CompilerDiagnosticAnnotator.Extract("/work/submission/a/b.c:4:2: error: boom", root, "t");

        Assert.Equal("a/b.c", Assert.Single(annotations).Path);
    }

    [Theory]
    [InlineData("/usr/include/c++/12/vector:4:1: error: 'x' was not declared")]
    [InlineData("/usr/include/c++/12/bits/stl_vector.h:1125:9: error: no matching function for call")]
    [InlineData("/work/hidden/x.cpp:3:1: error: 'add' was not declared in this scope")]
    [InlineData("/work/hidden/TestCalculator.java:10: error: cannot find symbol")]
    [InlineData("/work/submission-other/x.cpp:3:1: error: prefix trick")]
    [InlineData("/work/submissionx.cpp:3:1: error: prefix trick")]
    [InlineData("/tmp/ccQ2n3Xa.cpp:3:1: error: temp file")]
    public void Extract_AbsolutePathOutsideSubmission_NeverAnnotated(string output)
    {
        var annotations = Extract(output);

        Assert.Empty(annotations);
    }

    [Theory]
    [InlineData("../hidden/tests.cpp:3:1: error: 'add' was not declared")]
    [InlineData("/work/submission/../hidden/x.cpp:1:1: error: escape")]
    [InlineData("src/../../etc/passwd.c:1:1: error: escape")]
    [InlineData("src/./a.cpp:1:1: error: dot segment")]
    [InlineData("..:1:1: error: bare dot-dot")]
    public void Extract_DotSegments_NeverAnnotated(string output)
    {
        var annotations = Extract(output);

        Assert.Empty(annotations);
    }

    [Theory]
    [InlineData("solution.cpp:0:1: error: line zero")]
    [InlineData("solution.cpp:99999999999:1: error: line overflows int")]
    public void Extract_ImpossibleLineNumber_NotAnnotated(string output)
    {
        var annotations = Extract(output);

        Assert.Empty(annotations);
    }

    [Fact]
    public void Extract_ManyErrors_AtMostFiftyInOrder()
    {
        var output = new StringBuilder();
        for (var line = 1; line <= 120; line++)
        {
            output.Append(CultureInfo.InvariantCulture, $"solution.cpp:{line}:1: error: problem {line}\n");
        }

        var annotations = Extract(output.ToString());

        Assert.Equal(CompilerDiagnosticAnnotator.MaxAnnotations, annotations.Count);
        Assert.Equal(50, annotations.Count);
        Assert.Equal(Enumerable.Range(1, 50), annotations.Select(a => a.Line));
    }

    [Fact]
    public void Extract_SameErrorRepeated_ReportedOnce()
    {
        const string output = """
            In file included from a.cpp:1:
            list.h:3:1: error: 'Node' does not name a type
            In file included from b.cpp:1:
            list.h:3:1: error: 'Node' does not name a type
            list.h:3:1: error: 'Node' does not name a type
            list.h:3:9: error: expected ';' after class definition
            """;

        var annotations = Extract(output);

        Assert.Equal(2, annotations.Count);
        Assert.Equal(["'Node' does not name a type", "expected ';' after class definition"], annotations.Select(a => a.Message));
        Assert.All(annotations, a => Assert.Equal(("list.h", 3), (a.Path, a.Line)));
    }

    [Fact]
    public void Extract_GccAndNodeErrors_BothAnnotated()
    {
        var output = CompileErrorDetectorSamples.GccMissingSemicolon + "\n" + CompileErrorDetectorSamples.NodeSyntaxError;

        var annotations = Extract(output);

        Assert.Equal(["solution.cpp", "strings.js"], annotations.Select(a => a.Path));
    }

    [Fact]
    public void Extract_MessageWithControlCharacters_Sanitised()
    {
        const string output = "solution.cpp:5:12: error: expected \u001b[01m\u001b[K';'\u001b[m\u001b[K before '}' token\u0007\u0000   \r\n";

        var annotation = Assert.Single(Extract(output));

        Assert.Equal("expected ';' before '}' token", annotation.Message);
    }

    [Fact]
    public void Extract_HugeMessage_Truncated()
    {
        var output = "solution.cpp:5:12: error: " + new string('x', 20_000) + "\n";

        var annotation = Assert.Single(Extract(output));

        Assert.True(annotation.Message.Length <= 1_000, $"message has {annotation.Message.Length} characters");
        Assert.StartsWith("xxxx", annotation.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", annotation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ColouredGccOutput_IsAnnotated()
    {
        var output = "\u001b[01m\u001b[Ksolution.cpp:5:12:\u001b[m\u001b[K \u001b[01;31m\u001b[Kerror: \u001b[m\u001b[Kexpected ';' before '}' token\n";

        var annotation = Assert.Single(Extract(output));

        Assert.Equal(("solution.cpp", 5), (annotation.Path, annotation.Line));
        Assert.True(CompileErrorDetector.Matches(output));
    }

    [Fact]
    public void Extract_RepeatedErrorDoesNotUseUpTheCap()
    {
        var output = string.Concat(Enumerable.Repeat("a.cpp:1:1: error: same\n", 100)) + "b.cpp:2:1: error: other\n";

        var annotations = Extract(output);

        Assert.Equal(["a.cpp", "b.cpp"], annotations.Select(a => a.Path));
    }
}
