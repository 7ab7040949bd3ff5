using System.Text.Json.Serialization;

namespace GitGrader.Core.Reports;

/// <summary>The verdict of one test (or one JUnit/pytest case).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TestStatus>))]
public enum TestStatus
{
    /// <summary>Right answer.</summary>
    [JsonStringEnumMemberName("passed")]
    Passed,

    /// <summary>Wrong answer, or a failing assertion.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Stopped at its wall-clock limit.</summary>
    [JsonStringEnumMemberName("timeout")]
    Timeout,

    /// <summary>Killed for exceeding the memory cap.</summary>
    [JsonStringEnumMemberName("memory_limit")]
    MemoryLimit,

    /// <summary>Crashed, was killed by a signal, exited non-zero where output was expected, or printed past the output cap.</summary>
    [JsonStringEnumMemberName("runtime_error")]
    RuntimeError,

    /// <summary>The code did not build or import.</summary>
    [JsonStringEnumMemberName("compile_error")]
    CompileError,

    /// <summary>The grader failed (our fault): retried, never scored as the student's.</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}
