using System.Net;
using GitGrader.AppTests.Support;
using GitGrader.Classroom;
using GitGrader.GitHub;
using GitGrader.GitHub.Rest;
using GitGrader.Ingest;
using GitGrader.Recovery;
using GitGrader.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GitGrader.AppTests.Units;

/// <summary>Which branch heads the sweep queues, and what it asks GitHub: over a real store, GitHub through a fake of our client.</summary>
public sealed class BranchSweepTests : IAsyncLifetime
{
    private const string Slug = "python-wordcount";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly Pushes _gitHub = new();
    private IngestHarness _harness = null!;

    private static string Repo(string login) => $"{CourseFolder.Organization}/{Slug}-{login}";

    public async Task InitializeAsync() => _harness = await IngestHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Queues_the_newest_head_of_each_graded_branch_with_GitHubs_time_and_nothing_twice()
    {
        await KnownAsync("ada", "a0");
        var ada = Repo("ada");
        _gitHub.Add(ada, Push(1, "main", "a1", Now.AddMinutes(-50)));
        _gitHub.Add(ada, Push(2, "main", "a2", Now.AddMinutes(-40))); // the head of main
        _gitHub.Add(ada, Push(3, "wip", "w1", Now.AddMinutes(-30))); // not a graded branch
        _gitHub.Add(ada, Push(4, "release", "r1", Now.AddMinutes(-30), actor: "gitgrader-test[bot]")); // GitGrader's own
        _gitHub.Add(ada, Push(5, "old", new string('0', 40), Now.AddMinutes(-20), type: "branch_deletion"));
        _gitHub.Add(ada, Push(6, "fresh", "f1", Now.AddMinutes(-1))); // younger than the grace: its delivery may yet come
        var sweep = Sweep(branches: ["main", "release", "old", "fresh"]);

        var first = await sweep.SweepAsync(CancellationToken.None);
        var second = await sweep.SweepAsync(CancellationToken.None);

        Assert.Equal(1, first.Queued);
        Assert.Equal(0, second.Queued);
        var head = await _harness.Store.FindSubmissionAsync(ada, "a2", Slug, CancellationToken.None);
        Assert.NotNull(head);
        Assert.True(head.Recovered);
        Assert.Equal(Now.AddMinutes(-40), head.ReceivedAt);
        Assert.Equal("main", head.Branch);
        foreach (var sha in new[] { "a1", "w1", "r1", "f1" })
        {
            Assert.Null(await _harness.Store.FindSubmissionAsync(ada, sha, Slug, CancellationToken.None));
        }

        // The sweep's head supersedes the older push still waiting on the branch.
        var claimed = await _harness.Store.ClaimNextJobAsync("w", TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal("a0", claimed!.Submission.Sha);
        Assert.Equal("a2", claimed.SupersededBy?.Sha);
    }

    [Fact]
    public async Task A_roster_students_repository_that_does_not_exist_is_asked_for_once_a_day()
    {
        // ada is on the roster and has no repository yet; bob has one, known to the store.
        await KnownAsync("bob", "b0");
        _gitHub.Add(Repo("bob"), Push(1, "main", "b0", Now.AddHours(-2)));
        var sweep = Sweep(roster: ["ada"]);

        await sweep.SweepAsync(CancellationToken.None);
        await sweep.SweepAsync(CancellationToken.None);

        Assert.Equal(1, _gitHub.Asked.Count(r => r == Repo("ada")));
        Assert.Equal(2, _gitHub.Asked.Count(r => r == Repo("bob")));
    }

    [Fact]
    public async Task A_roster_entry_a_student_claimed_through_an_invitation_link_is_swept_under_the_claimed_login()
    {
        // The CSV row has no login; cid claimed it through the invitation link, so only the store knows cid (bob's known
        // repository gives the sweep the organisation's installation).
        await KnownAsync("bob", "b0");
        await _harness.Store.ClaimRosterEntryAsync("s-0042", "cid", 4242, CancellationToken.None);
        _gitHub.Add(Repo("cid"), Push(1, "main", "c1", Now.AddHours(-1)));
        var course = new Course(
            _harness.Catalog,
            new Roster([new RosterEntry("s-0042", string.Empty, null, "Cid Campeador")]),
            RepositoryRef.Parse(CourseFolder.InstructorRepository),
            new Uri("http://127.0.0.1:9/"));

        await Sweep(course: course).SweepAsync(CancellationToken.None);

        Assert.Contains(Repo("cid"), _gitHub.Asked);
    }

    [Fact]
    public async Task A_course_larger_than_one_sweep_is_covered_in_turn()
    {
        await KnownAsync("ada", "a0");
        await KnownAsync("bob", "b0");
        await KnownAsync("cy", "c0");
        foreach (var (login, sha) in new[] { ("ada", "a0"), ("bob", "b0"), ("cy", "c0") })
        {
            _gitHub.Add(Repo(login), Push(1, "main", sha, Now.AddHours(-2)));
        }

        var sweep = Sweep(maxRepositories: 2);

        await sweep.SweepAsync(CancellationToken.None);
        await sweep.SweepAsync(CancellationToken.None);

        Assert.Equal([Repo("ada"), Repo("bob"), Repo("cy"), Repo("ada")], _gitHub.Asked);
    }

    [Fact]
    public async Task A_repository_GitHub_cannot_read_now_is_counted_and_the_others_are_swept()
    {
        await KnownAsync("ada", "a0");
        await KnownAsync("bob", "b0");
        _gitHub.Failing.Add(Repo("ada"));
        _gitHub.Add(Repo("bob"), Push(1, "main", "b1", Now.AddHours(-1)));

        var outcome = await Sweep().SweepAsync(CancellationToken.None);

        Assert.Equal(new SweepOutcome(2, 1, 1), outcome);
    }

    private async Task KnownAsync(string login, string sha) => await _harness.Store.IngestAsync(new IngestRequest
    {
        Delivery = new IncomingDelivery(Guid.NewGuid().ToString(), "push", Now.AddHours(-2)),
        Submission = new NewSubmission
        {
            Assignment = Slug,
            Student = login,
            Repository = Repo(login),
            InstallationId = 77,
            Branch = "main",
            Sha = sha,
            ReceivedAt = Now.AddHours(-2),
        },
        SupersedesOlder = true,
    }, CancellationToken.None);

    private BranchSweep Sweep(IList<string>? branches = null, IReadOnlyList<string>? roster = null, int maxRepositories = 100, Course? course = null)
    {
        course ??= new Course(
            _harness.Catalog,
            new Roster([.. (roster ?? []).Select(login => new RosterEntry(login + "@uni.example", login, null, null))]),
            RepositoryRef.Parse(CourseFolder.InstructorRepository),
            new Uri("http://127.0.0.1:9/"));
        return new BranchSweep(
            _gitHub,
            _harness.Store,
            _harness.Store,
            course,
            new LinkedRoster(course, _harness.Store),
            _harness.App,
            new WorkSignal(),
            new FixedClock(Now),
            Options.Create(new RecoveryOptions { SweepGrace = TimeSpan.FromMinutes(5), SweepMaxRepositories = maxRepositories, SweepConcurrency = 1 }),
            Options.Create(new ClassroomOptions { Organization = CourseFolder.Organization, Branches = branches ?? [] }),
            NullLogger<BranchSweep>.Instance);
    }

    private static RepositoryPush Push(long id, string branch, string sha, DateTimeOffset at, string type = "push", string actor = "student") =>
        new(id, "refs/heads/" + branch, new string('1', 40), sha, at, type, actor);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>GitHub's repository activity and installations, as our client reads them; nothing else is asked of it here.</summary>
    private sealed class Pushes : IGitHubClient
    {
        private readonly Dictionary<string, List<RepositoryPush>> _byRepository = new(StringComparer.OrdinalIgnoreCase);

        public List<string> Asked { get; } = [];

        public HashSet<string> Failing { get; } = [];

        public void Add(string repository, RepositoryPush push)
        {
            if (!_byRepository.TryGetValue(repository, out var pushes))
            {
                _byRepository[repository] = pushes = [];
            }

            pushes.Add(push);
        }

        public Task<IReadOnlyList<RepositoryPush>> ListRecentPushesAsync(long installationId, RepositoryRef repository, int limit, CancellationToken cancellationToken)
        {
            lock (Asked)
            {
                Asked.Add(repository.FullName);
            }

            if (Failing.Contains(repository.FullName))
            {
                return Task.FromException<IReadOnlyList<RepositoryPush>>(new GitHubApiException("GitHub answered 502", HttpStatusCode.BadGateway));
            }

            return _byRepository.TryGetValue(repository.FullName, out var pushes)
                ? Task.FromResult<IReadOnlyList<RepositoryPush>>([.. pushes.OrderByDescending(p => p.Id).Take(limit)])
                : Task.FromException<IReadOnlyList<RepositoryPush>>(new GitHubApiException("GitHub answered 404: Not Found", HttpStatusCode.NotFound));
        }

        public Task<long> GetRepositoryInstallationIdAsync(RepositoryRef repository, CancellationToken cancellationToken) =>
            throw new NotSupportedException("the sweep takes the organisation's installation from the store");

        public Task<AppInfo> GetAppAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<HookDelivery>> ListHookDeliveriesAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RedeliverAsync(long deliveryId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string> GetInstallationTokenAsync(long installationId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CheckRun> CreateCheckRunAsync(long installationId, RepositoryRef repository, NewCheckRun checkRun, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task UpdateCheckRunAsync(long installationId, RepositoryRef repository, long checkRunId, CheckRunUpdate update, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<CheckRun>> ListCheckRunsForRefAsync(long installationId, RepositoryRef repository, string gitRef, string checkName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<PullRequestSummary>> ListPullRequestsForCommitAsync(long installationId, RepositoryRef repository, string sha, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<IssueComment>> ListIssueCommentsAsync(long installationId, RepositoryRef repository, int issueNumber, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IssueComment> CreateIssueCommentAsync(long installationId, RepositoryRef repository, int issueNumber, string body, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task UpdateIssueCommentAsync(long installationId, RepositoryRef repository, long commentId, string body, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Issue>> ListIssuesAsync(long installationId, RepositoryRef repository, string? creator, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Issue> CreateIssueAsync(long installationId, RepositoryRef repository, string title, string body, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task UpdateIssueAsync(long installationId, RepositoryRef repository, int issueNumber, string title, string body, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long> GetOrganizationInstallationIdAsync(string organization, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<GitHubUser?> FindUserAsync(long installationId, string login, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<GitHubRepository?> FindRepositoryAsync(long installationId, RepositoryRef repository, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<GitHubRepository> CreateRepositoryFromTemplateAsync(long installationId, RepositoryRef template, RepositoryRef repository, string description, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<GitHubRepository> CreateOrganizationRepositoryAsync(long installationId, RepositoryRef repository, string description, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CollaboratorOutcome> AddCollaboratorAsync(long installationId, RepositoryRef repository, string login, string permission, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<RepositoryInvitation>> ListInvitationsAsync(long installationId, RepositoryRef repository, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task UpdateInvitationAsync(long installationId, RepositoryRef repository, long invitationId, string permissions, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string?> GetBranchShaAsync(long installationId, RepositoryRef repository, string branch, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task CreateBranchAsync(long installationId, RepositoryRef repository, string branch, string sha, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<PullRequestSummary>> ListOpenPullRequestsAsync(long installationId, RepositoryRef repository, string headBranch, string baseBranch, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PullRequestSummary> CreatePullRequestAsync(long installationId, RepositoryRef repository, string title, string headBranch, string baseBranch, string body, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ProtectBranchAsync(long installationId, RepositoryRef repository, string branch, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
