using GitGrader.Storage.Tests.Infrastructure;
using static GitGrader.Storage.Tests.Infrastructure.TestData;

namespace GitGrader.Storage.Tests;

/// <summary>
/// Provisioning progress and the cut-off's applied access, written once and run on SQLite and PostgreSQL: one holder at a
/// time (exact when many store instances ask at once), steps saved and read back, logins compared case-insensitively.
/// </summary>
public abstract class ProvisioningStateContractTests : StoreContractTests
{
    private const string Assignment = "wordcount";
    private const string Repository = "course/wordcount-octocat";
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task GetProvisioning_NothingRecorded_IsNull()
    {
        Assert.Null(await Store.GetProvisioningAsync(Assignment, "octocat", Ct));
        Assert.Empty(await Store.ListProvisioningAsync(Assignment, Ct));
    }

    [Fact]
    public async Task HoldProvisioning_CreatesTheRecord_OneHolderAtATime_UntilReleasedOrRunOut()
    {
        Assert.True(await Store.HoldProvisioningAsync(Assignment, "octocat", Repository, "cli-1", Hold, Ct));
        Assert.True(await Store.HoldProvisioningAsync(Assignment, "octocat", Repository, "cli-1", Hold, Ct));
        Assert.False(await Store.HoldProvisioningAsync(Assignment, "OctoCat", Repository, "serve-2", Hold, Ct));

        await Store.ReleaseProvisioningAsync(Assignment, "octocat", "cli-1", Ct);
        Assert.True(await Store.HoldProvisioningAsync(Assignment, "octocat", Repository, "serve-2", Hold, Ct));

        Clock.Advance(Hold + TimeSpan.FromSeconds(1));
        Assert.True(await Store.HoldProvisioningAsync(Assignment, "octocat", Repository, "cli-3", Hold, Ct));

        var record = await Store.GetProvisioningAsync(Assignment, "OCTOCAT", Ct);
        Assert.NotNull(record);
        Assert.Equal("octocat", record.Student);
        Assert.Equal(Repository, record.Repository);
        Assert.Null(record.RepositoryId);
        Assert.False(record.IsComplete);
    }

    [Fact]
    public async Task SaveProvisioning_EveryStep_ReadsBack()
    {
        await Store.HoldProvisioningAsync(Assignment, "octocat", Repository, "cli-1", Hold, Ct);
        var record = new ProvisioningRecord(
            Assignment, "octocat", Repository, 610_000_001, "https://github.com/course/wordcount-octocat", Start.AddSeconds(-5), "abc123",
            CollaboratorAdded: true, FeedbackBranch: true, PullRequest: 1, BranchProtected: true, CompletedAt: Start, LastError: null);

        await Store.SaveProvisioningAsync(record, Ct);

        Assert.Equal(record, await Store.GetProvisioningAsync(Assignment, "octocat", Ct));
        Assert.Equal([record], await Store.ListProvisioningAsync(Assignment, Ct));
        Assert.Empty(await Store.ListProvisioningAsync("other", Ct));
    }

    [Fact]
    public async Task SaveProvisioning_WithoutARecord_Throws()
    {
        var record = new ProvisioningRecord(Assignment, "octocat", Repository, null, null, null, null, false, false, null, false, null, null);

        await Assert.ThrowsAsync<GradingStoreException>(() => Store.SaveProvisioningAsync(record, Ct));
    }

    [Fact]
    public async Task HoldProvisioning_ManyStoresAtOnce_GrantOne()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => Database.CreateStore(Clock)).ToList();

        var granted = await Task.WhenAll(stores.Select((store, i) => store.HoldProvisioningAsync(Assignment, "octocat", Repository, $"p{i}", Hold, Ct)));

        Assert.Single(granted, g => g);
    }

    [Fact]
    public async Task HoldAccess_NeedsARecord_OneHolder_SaveAccessRecordsAndReleases()
    {
        Assert.False(await Store.HoldAccessAsync(Assignment, "octocat", "serve-1", Hold, Ct));
        await Store.HoldProvisioningAsync(Assignment, "octocat", Repository, "cli-1", Hold, Ct);

        Assert.True(await Store.HoldAccessAsync(Assignment, "octocat", "serve-1", Hold, Ct));
        Assert.False(await Store.HoldAccessAsync(Assignment, "octocat", "serve-2", Hold, Ct));
        await Store.SaveAccessAsync(Assignment, "octocat", "pull", Start, "serve-1", Ct);

        var record = await Store.GetProvisioningAsync(Assignment, "octocat", Ct);
        Assert.Equal("pull", record!.Access);
        Assert.Equal(Start, record.AccessDeadline);
        Assert.True(await Store.HoldAccessAsync(Assignment, "octocat", "serve-2", Hold, Ct));
    }

    [Fact]
    public async Task SaveAccess_ByANonHolder_ChangesNothing()
    {
        await Store.HoldProvisioningAsync(Assignment, "octocat", Repository, "cli-1", Hold, Ct);
        await Store.HoldAccessAsync(Assignment, "octocat", "serve-1", Hold, Ct);

        await Store.SaveAccessAsync(Assignment, "octocat", "pull", Start, "serve-2", Ct);

        Assert.Null((await Store.GetProvisioningAsync(Assignment, "octocat", Ct))!.Access);
    }
}
