using GitGrader.Storage.Tests.Infrastructure;
using static GitGrader.Storage.Tests.Infrastructure.TestData;

namespace GitGrader.Storage.Tests;

/// <summary>
/// Roster claims, written once and run on SQLite and PostgreSQL: an identifier goes to one account, an account takes one
/// identifier (logins compared as GitHub does, case-insensitively), exactly one winner when many store instances (as many
/// serve processes) claim at once, and an unlink frees the entry.
/// </summary>
public abstract class RosterClaimContractTests : StoreContractTests
{
    [Fact]
    public async Task ClaimRosterEntryAsync_UnclaimedEntry_IsClaimedAndListed()
    {
        var outcome = await Store.ClaimRosterEntryAsync("alice@uni.example", "Alice", 1001, Ct);

        Assert.Equal(RosterClaimResult.Claimed, outcome.Result);
        Assert.Equal(new RosterClaim("alice@uni.example", "Alice", 1001, Start), outcome.Standing);
        Assert.Equal([outcome.Standing], await Store.ListRosterClaimsAsync(Ct));
    }

    [Fact]
    public async Task ClaimRosterEntryAsync_SameLoginAgainInOtherCase_IsClaimedStill()
    {
        await Store.ClaimRosterEntryAsync("alice@uni.example", "alice", 1001, Ct);

        var again = await Store.ClaimRosterEntryAsync("alice@uni.example", "ALICE", 1001, Ct);

        Assert.Equal(RosterClaimResult.Claimed, again.Result);
        Assert.Equal("alice", again.Standing.Login);
        Assert.Single(await Store.ListRosterClaimsAsync(Ct));
    }

    [Fact]
    public async Task ClaimRosterEntryAsync_EntryOfAnotherAccount_IsRefusedWithTheHolder()
    {
        await Store.ClaimRosterEntryAsync("alice@uni.example", "alice", 1001, Ct);

        var mallory = await Store.ClaimRosterEntryAsync("alice@uni.example", "mallory", 666, Ct);

        Assert.Equal(RosterClaimResult.TakenByOther, mallory.Result);
        Assert.Equal("alice", mallory.Standing.Login);
        Assert.Equal(["alice"], (await Store.ListRosterClaimsAsync(Ct)).Select(c => c.Login));
    }

    [Fact]
    public async Task ClaimRosterEntryAsync_LoginHoldingAnotherEntry_IsRefusedWithItsEntry()
    {
        await Store.ClaimRosterEntryAsync("alice@uni.example", "alice", 1001, Ct);

        var second = await Store.ClaimRosterEntryAsync("carol@uni.example", "Alice", 1001, Ct);

        Assert.Equal(RosterClaimResult.LoginHoldsOther, second.Result);
        Assert.Equal("alice@uni.example", second.Standing.Identifier);
        Assert.Single(await Store.ListRosterClaimsAsync(Ct));
    }

    [Fact]
    public async Task ClaimRosterEntryAsync_EightStoresRaceForOneEntry_ExactlyOneWins()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => Database.CreateStore(Clock)).ToList();

        var outcomes = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.ClaimRosterEntryAsync("carol@uni.example", $"student{i}", 2000 + i, Ct))));

        var winners = outcomes.Where(o => o.Result == RosterClaimResult.Claimed).ToList();
        var winner = Assert.Single(winners);
        Assert.All(outcomes.Where(o => o.Result != RosterClaimResult.Claimed), o =>
        {
            Assert.Equal(RosterClaimResult.TakenByOther, o.Result);
            Assert.Equal(winner.Standing.Login, o.Standing.Login);
        });
        Assert.Equal([winner.Standing], await Store.ListRosterClaimsAsync(Ct));
    }

    [Fact]
    public async Task UnlinkRosterEntryAsync_ClaimedEntry_IsFreedForAnotherAccount()
    {
        await Store.ClaimRosterEntryAsync("alice@uni.example", "mallory", 666, Ct);

        var removed = await Store.UnlinkRosterEntryAsync("alice@uni.example", Ct);
        var alice = await Store.ClaimRosterEntryAsync("alice@uni.example", "alice", 1001, Ct);

        Assert.Equal("mallory", removed?.Login);
        Assert.Equal(RosterClaimResult.Claimed, alice.Result);
        Assert.Null(await Store.UnlinkRosterEntryAsync("nobody@uni.example", Ct));
    }
}
