using System.Diagnostics;
using GitGrader.Core.Processes;
using GitGrader.Storage;
using GitGrader.Worker;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitGrader.AppTests.Units;

/// <summary>Taking back the jobs of a dead process on this host, over a real SQLite store.</summary>
public sealed class LeaseRecoveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private readonly string _folder = Directory.CreateTempSubdirectory("gitgrader-lease-").FullName;
    private IGradingStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = GradingStoreFactory.Create(Path.Combine(_folder, "grades.db"), TimeProvider.System);
        await _store.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncDisposable)_store).DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TakeBackAsync_FreesOnlyTheJobsOfADeadProcessOnThisHost()
    {
        using var crashed = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        var dead = $"{LocalProcess.Describe(Environment.MachineName, crashed.Id, crashed.StartTime.ToUniversalTime())}:1";
        crashed.Kill();
        await crashed.WaitForExitAsync();
        var owners = new[] { dead, LeaseRecovery.WorkerId(1), "another-host/1@1700000000000:1", "an-older-gitgrader:42:1" };
        var jobs = new Dictionary<string, long>();
        for (var i = 0; i < owners.Length; i++)
        {
            await _store.IngestAsync(Push($"sha{i}", $"student{i}"), CancellationToken.None);
            jobs[owners[i]] = (await _store.ClaimNextJobAsync(owners[i], Lease, CancellationToken.None))!.Id;
        }

        var recovery = new LeaseRecovery(_store, NullLogger<LeaseRecovery>.Instance);
        var freed = await recovery.TakeBackAsync(CancellationToken.None);
        var claimed = await _store.ClaimNextJobAsync("restarted/1@1:1", Lease, CancellationToken.None);

        Assert.Equal(1, freed);
        Assert.Equal(jobs[dead], claimed!.Id);
        Assert.Null(await _store.ClaimNextJobAsync("restarted/1@1:2", Lease, CancellationToken.None));
        Assert.Equal(0, await recovery.TakeBackAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("host/12@345:3", "host/12@345")]
    [InlineData("an-older-gitgrader:42:1", "an-older-gitgrader:42")]
    [InlineData("no-slot", null)]
    public void ProcessOf_IsTheWorkerIdWithoutItsSlot(string workerId, string? process)
    {
        Assert.Equal(process, LeaseRecovery.ProcessOf(workerId));
    }

    [Fact]
    public void WorkerId_IsThisProcessAndTheSlot()
    {
        Assert.Equal($"{LocalProcess.Current}:7", LeaseRecovery.WorkerId(7));
    }

    private static IngestRequest Push(string sha, string student) => new()
    {
        Delivery = new IncomingDelivery(Guid.NewGuid().ToString(), "push", DateTimeOffset.UtcNow),
        Submission = new NewSubmission
        {
            Assignment = "wordcount",
            Student = student,
            Repository = $"course/wordcount-{student}",
            InstallationId = 1,
            Branch = "main",
            Sha = sha,
            ReceivedAt = DateTimeOffset.UtcNow,
        },
        SupersedesOlder = true,
    };
}
