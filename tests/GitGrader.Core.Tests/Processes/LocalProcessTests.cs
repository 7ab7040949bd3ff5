using System.Diagnostics;
using GitGrader.Core.Processes;

namespace GitGrader.Core.Tests.Processes;

/// <summary>Whether a process named in a lease or a container label still runs: real processes, started and ended here.</summary>
public sealed class LocalProcessTests
{
    [Fact]
    public void Current_NamesThisHostProcessAndStart_AndIsNotGone()
    {
        Assert.True(LocalProcess.TryParse(LocalProcess.Current, out var host, out var pid, out var start));

        Assert.Equal(Environment.MachineName, host);
        Assert.Equal(Environment.ProcessId, pid);
        Assert.NotNull(start);
        Assert.InRange(start.Value, DateTimeOffset.UtcNow.AddHours(-6), DateTimeOffset.UtcNow);
        Assert.False(LocalProcess.IsGone(LocalProcess.Current));
    }

    [Fact]
    public async Task IsGone_AProcessThatRanAndExited_IsGone_WhileItRanItWasNot()
    {
        using var child = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        var identity = LocalProcess.Describe(Environment.MachineName, child.Id, child.StartTime.ToUniversalTime());
        try
        {
            Assert.False(LocalProcess.IsGone(identity));
        }
        finally
        {
            child.Kill();
            await child.WaitForExitAsync();
        }

        Assert.True(LocalProcess.IsGone(identity));
    }

    [Fact]
    public void IsGone_ThisProcessIdWithAnotherStart_IsGone()
    {
        // A container's process 1 restarted: the same id, a new start; what the old one held is free.
        var earlier = LocalProcess.Describe(Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow.AddDays(-1));

        Assert.True(LocalProcess.IsGone(earlier));
    }

    [Theory]
    [InlineData("another-host/1@1700000000000")]
    [InlineData("another-host/999999")]
    [InlineData("no-slash")]
    [InlineData("/123")]
    [InlineData("host/abc")]
    [InlineData("host/12@soon")]
    [InlineData("host/-5")]
    [InlineData("")]
    public void IsGone_AnotherHostsOrNoIdentity_IsNotOursToJudge(string identity)
    {
        Assert.False(LocalProcess.IsGone(identity));
    }

    [Fact]
    public void IsGone_ThisHostWithoutAStart_OnlyWhenTheIdIsFree()
    {
        // An older GitGrader wrote host/pid: a running id may be it, so it is left alone.
        Assert.False(LocalProcess.IsGone($"{Environment.MachineName}/{Environment.ProcessId}"));
        Assert.True(LocalProcess.IsGone($"{Environment.MachineName}/{int.MaxValue}"));
    }

    [Fact]
    public void TryParse_WithAndWithoutAStart()
    {
        Assert.True(LocalProcess.TryParse("grader-1/42@1700000000000", out var host, out var pid, out var start));
        Assert.Equal(("grader-1", 42, DateTimeOffset.FromUnixTimeMilliseconds(1700000000000)), (host, pid, start!.Value));
        Assert.True(LocalProcess.TryParse("grader-1/42", out _, out _, out var none));
        Assert.Null(none);
    }
}
