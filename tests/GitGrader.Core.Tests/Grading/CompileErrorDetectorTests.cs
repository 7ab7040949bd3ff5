using GitGrader.Core.Grading;

namespace GitGrader.Core.Tests.Grading;

public sealed class CompileErrorDetectorTests
{
    [Theory]
    [InlineData(CompileErrorDetectorSamples.GccMissingSemicolon)]
    [InlineData(CompileErrorDetectorSamples.GccMissingHeader)]
    [InlineData(CompileErrorDetectorSamples.GccUndefinedReference)]
    [InlineData(CompileErrorDetectorSamples.JavacMissingSemicolon)]
    [InlineData(CompileErrorDetectorSamples.NodeSyntaxError)]
    [InlineData(CompileErrorDetectorSamples.PythonSyntaxError)]
    [InlineData(CompileErrorDetectorSamples.PythonIndentationError)]
    public void Matches_RealCompilerOutput_True(string output)
    {
        var matches = CompileErrorDetector.Matches(output);

        Assert.True(matches);
    }

    [Theory]
    [InlineData("main.c:3:5: error: use of undeclared identifier 'x'")]
    [InlineData("/work/submission/src/list.cpp:42:1: error: 'size_t' does not name a type")]
    [InlineData("util.h:7: error: expected declaration")]
    [InlineData("make: Entering directory '/work/submission'\nsolution.cpp:9:3: error: 'cout' was not declared in this scope\nmake: *** [Makefile:4: all] Error 1")]
    [InlineData("  File \"t.py\", line 2\n\tif x:\n\t  ^\nTabError: inconsistent use of tabs and spaces in indentation")]
    public void Matches_OtherCompileErrors_True(string output)
    {
        var matches = CompileErrorDetector.Matches(output);

        Assert.True(matches);
    }

    [Fact]
    public void Matches_CompileErrorAfterOtherOutput_True()
    {
        var output = "Building...\nwarning: something harmless\n" + CompileErrorDetectorSamples.JavacMissingSemicolon;

        var matches = CompileErrorDetector.Matches(output);

        Assert.True(matches);
    }

    [Theory]
    [InlineData(CompileErrorDetectorSamples.JavaRuntimeException)]
    [InlineData(CompileErrorDetectorSamples.GtestFailure)]
    [InlineData(CompileErrorDetectorSamples.PythonZeroDivision)]
    public void Matches_RuntimeFailures_False(string output)
    {
        var matches = CompileErrorDetector.Matches(output);

        Assert.False(matches);
    }

    [Theory]
    [InlineData("Test 3: expected error: none, got 5")]
    [InlineData("Checking input... error: value out of range")]
    [InlineData("E       AssertionError: assert 'SyntaxError: bad' == 'ok'")]
    [InlineData("log: parse error: unexpected token at 12")]
    [InlineData("make: *** [Makefile:5: all] Error 1")]
    [InlineData("solution.cpp:3:9: warning: unused variable 'x' [-Wunused-variable]")]
    [InlineData("solution.cpp:8:5: note: candidate expects 2 arguments, 1 provided")]
    [InlineData("TypeError: s.reverse is not a function")]
    [InlineData("")]
    public void Matches_ErrorWordWithoutCompilerShape_False(string output)
    {
        var matches = CompileErrorDetector.Matches(output);

        Assert.False(matches);
    }

    [Fact]
    public void Matches_HugeHostileOutput_ReturnsWithoutHanging()
    {
        var output = new string('a', 200_000) + ":" + new string('1', 200_000);

        var matches = CompileErrorDetector.Matches(output);

        Assert.False(matches);
    }
}
