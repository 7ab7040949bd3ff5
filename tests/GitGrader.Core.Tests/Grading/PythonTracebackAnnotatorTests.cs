using GitGrader.Core.Grading;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Tests.Grading;

public sealed class PythonTracebackAnnotatorTests
{
    private const string Root = "/work/submission";

    [Fact]
    public void Extract_RuntimeError_AnnotatesInnermostStudentFrame()
    {
        const string output = """
            Traceback (most recent call last):
              File "/work/hidden/test_calc.py", line 8, in test_divide
                assert calc.divide(1, 0) == 0
                       ^^^^^^^^^^^^^^^^^
              File "/work/submission/calc.py", line 5, in divide
                return helpers.safe_div(a, b)
                       ^^^^^^^^^^^^^^^^^^^^^^
              File "/work/submission/lib/helpers.py", line 2, in safe_div
                return a / b
                       ~~^~~
              File "/usr/lib/python3.12/fractions.py", line 99, in __truediv__
                raise ZeroDivisionError
            ZeroDivisionError: division by zero
            """;

        var annotation = Assert.Single(PythonTracebackAnnotator.Extract(output, Root, "divide"));

        Assert.Equal(
            new Annotation { Path = "lib/helpers.py", Line = 2, Title = "divide", Message = "ZeroDivisionError: division by zero" },
            annotation);
    }

    [Fact]
    public void Extract_SyntaxErrorOnImport_AnnotatesTheLine()
    {
        const string output = """
            Traceback (most recent call last):
              File "/work/hidden/test_main.py", line 1, in <module>
                import main
              File "/work/submission/main.py", line 3
                print("hi"
                     ^
            SyntaxError: '(' was never closed
            """;

        var annotation = Assert.Single(PythonTracebackAnnotator.Extract(output, Root + "/", "import"));

        Assert.Equal("main.py", annotation.Path);
        Assert.Equal(3, annotation.Line);
        Assert.Equal("SyntaxError: '(' was never closed", annotation.Message);
    }

    [Fact]
    public void Extract_SyntaxErrorOfScript_WithoutTracebackHeader()
    {
        const string output = """
              File "/work/submission/app/main.py", line 12
                def f(:
                      ^
            SyntaxError: invalid syntax
            """;

        var annotation = Assert.Single(PythonTracebackAnnotator.Extract(output, Root, "run"));

        Assert.Equal(("app/main.py", 12, "SyntaxError: invalid syntax"), (annotation.Path, annotation.Line, annotation.Message));
    }

    [Fact]
    public void Extract_PytestCollectionErrorWithEPrefix_Annotated()
    {
        const string output = """
            ______________ ERROR collecting hidden/test_calc.py ______________
            /usr/lib/python3.12/importlib/__init__.py:90: in import_module
                return _bootstrap._gcd_import(name[level:], package, level)
            E     File "/work/submission/calc.py", line 7
            E       return a +
            E                 ^
            E   SyntaxError: invalid syntax
            """;

        var annotation = Assert.Single(PythonTracebackAnnotator.Extract(output, Root, "pytest"));

        Assert.Equal(("calc.py", 7, "SyntaxError: invalid syntax"), (annotation.Path, annotation.Line, annotation.Message));
    }

    [Fact]
    public void Extract_OnlyHiddenAndStdlibFrames_NoAnnotation()
    {
        const string output = """
            Traceback (most recent call last):
              File "/work/hidden/test_calc.py", line 8, in test_divide
                assert secret_answer() == 42
              File "/usr/lib/python3.12/json/__init__.py", line 346, in loads
                return _default_decoder.decode(s)
              File "<string>", line 1, in <module>
            AssertionError
            """;

        Assert.Empty(PythonTracebackAnnotator.Extract(output, Root, "t"));
    }

    [Theory]
    [InlineData("/work/submission/../hidden/test_secret.py")]
    [InlineData("/work/submission2/calc.py")]
    [InlineData("/work/submissioncalc.py")]
    [InlineData("../hidden/test_secret.py")]
    [InlineData("<string>")]
    [InlineData("/work/submission/")]
    public void Extract_PathOutsideRoot_NoAnnotation(string path)
    {
        var output = $"Traceback (most recent call last):\n  File \"{path}\", line 3, in f\n    x()\nValueError: nope\n";

        Assert.Empty(PythonTracebackAnnotator.Extract(output, Root, "t"));
    }

    [Theory]
    [InlineData("calc.py", "calc.py")]
    [InlineData("pkg/calc.py", "pkg/calc.py")]
    [InlineData("./calc.py", "calc.py")]
    public void Extract_RelativePath_IsRelativeToTheWorkingCopy(string path, string expected)
    {
        // Every step runs in the working copy, so py_compile's "File \"main.py\", line 2" means a file there.
        var output = $"  File \"{path}\", line 3\n    x(\n     ^\nSyntaxError: '(' was never closed\n";

        Assert.Equal(expected, Assert.Single(PythonTracebackAnnotator.Extract(output, Root, "t")).Path);
    }

    [Fact]
    public void Extract_DotSegmentsInsideRoot_Normalised()
    {
        var output = "Traceback (most recent call last):\n  File \"/work/submission/./pkg/../calc.py\", line 3, in f\n    x()\nValueError: nope\n";

        Assert.Equal("calc.py", Assert.Single(PythonTracebackAnnotator.Extract(output, Root, "t")).Path);
    }

    [Fact]
    public void Extract_ChainedExceptions_OneAnnotationPerTraceback()
    {
        const string output = """
            Traceback (most recent call last):
              File "/work/submission/parse.py", line 4, in parse
                return int(text)
            ValueError: invalid literal for int() with base 10: 'x'

            During handling of the above exception, another exception occurred:

            Traceback (most recent call last):
              File "/work/hidden/test_parse.py", line 3, in test_parse
                parse("x")
              File "/work/submission/parse.py", line 6, in parse
                raise RuntimeError("bad input")
            RuntimeError: bad input
            """;

        var annotations = PythonTracebackAnnotator.Extract(output, Root, "parse");

        Assert.Equal(
            [("parse.py", 4, "ValueError: invalid literal for int() with base 10: 'x'"), ("parse.py", 6, "RuntimeError: bad input")],
            annotations.Select(a => (a.Path, a.Line, a.Message)));
    }

    [Fact]
    public void Extract_IndentedTracebackInsideOtherText_Annotated()
    {
        const string output = """
            FAILED test_calc.py::test_divide
                Traceback (most recent call last):
                  File "/work/submission/calc.py", line 2, in divide
                    return a / b
                ZeroDivisionError: division by zero
            1 failed
            """;

        var annotation = Assert.Single(PythonTracebackAnnotator.Extract(output, Root, "t"));

        Assert.Equal(("calc.py", 2, "ZeroDivisionError: division by zero"), (annotation.Path, annotation.Line, annotation.Message));
    }

    [Fact]
    public void Extract_CutOffTraceback_StillAnnotatedWithExplanation()
    {
        const string output = "Traceback (most recent call last):\n  File \"/work/submission/loop.py\", line 9, in run\n    run()\n";

        var annotation = Assert.Single(PythonTracebackAnnotator.Extract(output, Root, "t"));

        Assert.Equal(9, annotation.Line);
        Assert.Contains("without an exception message", annotation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_HostileMessage_Sanitized()
    {
        var output = "Traceback (most recent call last):\r\n  File \"/work/submission/a.py\", line 1, in <module>\r\n    boom()\r\n\u001B[31mException: \u0007bad\u001B[0m\r\n";

        var annotation = Assert.Single(PythonTracebackAnnotator.Extract(output, Root, "t\u0000itle"));

        Assert.Equal("Exception: bad", annotation.Message);
        Assert.Equal("title", annotation.Title);
    }

    [Fact]
    public void Extract_ManyTracebacks_CappedAtFifty()
    {
        var output = string.Concat(Enumerable.Range(1, 200).Select(i =>
            $"Traceback (most recent call last):\n  File \"/work/submission/a.py\", line {i}, in f\n    f()\nRecursionError: {i}\n"));

        var annotations = PythonTracebackAnnotator.Extract(output, Root, "t");

        Assert.Equal(PythonTracebackAnnotator.MaxAnnotations, annotations.Count);
        Assert.Equal(Enumerable.Range(1, 50), annotations.Select(a => a.Line));
    }

    [Fact]
    public void Extract_SameLocationTwice_OneAnnotation()
    {
        const string block = "Traceback (most recent call last):\n  File \"/work/submission/a.py\", line 3, in f\n    f()\nValueError: x\n";

        Assert.Single(PythonTracebackAnnotator.Extract(block + block, Root, "t"));
    }

    [Fact]
    public void Extract_NoTraceback_Empty()
    {
        Assert.Empty(PythonTracebackAnnotator.Extract("all good\nFile \"/work/submission/a.py\" mentioned in prose\n", Root, "t"));
    }
}
