using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>Every grader image, on the real engine: verdicts stay distinct in every language.</summary>
[Collection(DockerCollection.Name)]
public sealed class LanguageTests : GraderTestBase
{
    public LanguageTests(DockerFixture docker)
        : base(docker)
    {
    }

    public static TheoryData<string> Languages()
    {
        var data = new TheoryData<string>();
        foreach (var program in LanguageProgram.All)
        {
            data.Add(program.Language);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Correct_ScoresFull(string language)
    {
        var report = await GradeAsync(language, p => p.Correct);

        Assert.True(report.Score == report.MaxScore, Describe(report));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Wrong_ScoresPartially(string language)
    {
        var report = await GradeAsync(language, p => p.Wrong);

        Assert.Equal(1, report.Score);
        Assert.Equal(TestStatus.Failed, Single(report, "square of 3").Status);
        Assert.Equal(TestStatus.Passed, Single(report, "square of 0").Status);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task CompileError_IsCompileErrorWithFileAndLine(string language)
    {
        var program = Program(language);

        var report = await GradeAsync(language, p => p.CompileError);

        Assert.All(report.Tests, t => Assert.Equal(TestStatus.CompileError, t.Status));
        Assert.Contains(report.Annotations, a => a.Path == program.FileName && a.Line == program.CompileErrorLine);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task InfiniteLoop_IsTimeout(string language)
    {
        var report = await GradeAsync(language, p => p.InfiniteLoop);

        Assert.All(report.Tests, t => Assert.Equal(TestStatus.Timeout, t.Status));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task MemoryBomb_IsMemoryLimit(string language)
    {
        var report = await GradeAsync(language, p => p.MemoryBomb);

        Assert.True(report.Tests.All(t => t.Status == TestStatus.MemoryLimit), Describe(report));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Crash_IsRuntimeError(string language)
    {
        var report = await GradeAsync(language, p => p.Crash);

        Assert.True(report.Tests.All(t => t.Status == TestStatus.RuntimeError), Describe(report));
    }

    private static LanguageProgram Program(string language) => LanguageProgram.All.Single(p => p.Language == language);

    private static string Describe(GradeReport report) =>
        string.Join("\n", report.Tests.Select(t => $"{t.Name}: {t.Status} {t.Score}/{t.MaxScore} {t.Message} {t.Actual} {t.Output}"));

    private async Task<GradeReport> GradeAsync(string language, Func<LanguageProgram, string> source)
    {
        var program = Program(language);
        using var scenario = new Scenario().Assignment($$"""
            name: Squares in {{program.Language}}
            image: {{program.Image}}
            limits: { timeout: 4s, memory: 192m }
            setup: {{program.Setup}}
            tests:
              - name: square of 3
                kind: io
                run: {{program.Run}}
                input: "3\n"
                expected: "9"
                points: 2
              - name: square of 0
                kind: io
                run: {{program.Run}}
                input: "0\n"
                expected: "0"
                points: 1
            """).Submission(program.FileName, source(program));
        return await GradeAsync(scenario, new Core.Grading.GradeOptions { RevealHidden = true });
    }
}
