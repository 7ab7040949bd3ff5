using System.Diagnostics;
using System.Globalization;
using System.Text;
using GitGrader.AppTests.Support;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using StandIn = GitGrader.GitHubStandIn.GitHubStandIn;

namespace GitGrader.Benchmarks;

/// <summary>
/// <c>--staging N</c>: a submission of N small files pushed to the GitHub stand-in, then fetched and staged
/// the way the worker does it now (<see cref="CommitFetcher"/> into a bare repository, the tree read by
/// <see cref="FetchedCommit"/>) and the way it did before (<see cref="CheckoutFetch"/>: the same fetch into a
/// working copy, <c>git checkout</c>, the folder walked by <see cref="FolderSubmissionSource"/>), interleaved
/// (which goes first alternates), after one unmeasured warm-up each. Both end in equal snapshots, or the run fails.
/// </summary>
public static class StagingMode
{
    private const int Runs = 7;

    public static async Task<int> RunAsync(int files, CancellationToken cancellationToken)
    {
        await using var gitHub = await StandIn.StartAsync(cancellationToken: cancellationToken);
        var installation = gitHub.InstallApp("cs101-fall");
        await gitHub.CreateRepositoryAsync("cs101-fall", "big-submission-alice", installation);
        using var student = await GitWorkingCopy.InitAsync(gitHub.GitRemoteUrl("cs101-fall", "big-submission-alice", gitHub.CreateUserToken("alice")));
        var bytes = WriteFiles(student, files);
        var sha = await student.CommitAllAsync($"{files} files");
        await student.PushAsync();
        var remote = gitHub.GitRemoteUrl("cs101-fall", "big-submission-alice");
        // The default caps when the submission fits them (3,000 files do), so the run shows real repositories pass.
        var limits = files <= ResourceLimits.Default.SubmissionFiles && bytes <= ResourceLimits.Default.SubmissionBytes
            ? ResourceLimits.Default
            : new ResourceLimits { SubmissionFiles = files + 10, SubmissionEntries = files * 2, SubmissionBytes = 256L * 1024 * 1024 };
        var work = Path.Combine(Path.GetTempPath(), "gg-bench-staging-" + Guid.NewGuid().ToString("N"));
        var fetcher = new CommitFetcher(NullLogger<CommitFetcher>.Instance);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Staging from git: {files:N0} files ({bytes / 1024.0:N0} KiB) in {files / 50} folders, pushed to the stand-in, fetched over its smart HTTP with an installation token; {Runs} runs each way after a warm-up, {Environment.ProcessorCount} cores, {MachineLoad.Describe()}"));

        var timings = new Dictionary<string, List<double>>(StringComparer.Ordinal)
        {
            ["before: fetch"] = [], ["before: checkout + walk"] = [], ["before: total"] = [], ["folder walk alone"] = [],
            ["now: fetch (bare)"] = [], ["now: ls-tree + cat-file"] = [], ["now: total"] = [],
        };
        try
        {
            for (var run = 0; run <= Runs; run++)
            {
                var token = gitHub.CreateInstallationToken(installation);
                var folder = Path.Combine(work, $"checkout-{run}");
                var bare = Path.Combine(work, $"bare-{run}");

                // Alternate which goes first: a checkout leaves many dirty pages that slow whatever writes next.
                var (before, beforeFetch, beforeTotal, walk) = run % 2 == 0 ? await BeforeAsync() : default;
                var clock = Stopwatch.StartNew();
                var commit = await fetcher.FetchAsync(remote, sha, token, bare, TimeSpan.FromMinutes(2), cancellationToken);
                var fetchedBare = clock.Elapsed.TotalMilliseconds;
                var now = await commit.ReadAsync(limits, cancellationToken);
                var nowTotal = clock.Elapsed.TotalMilliseconds;
                if (run % 2 == 1)
                {
                    (before, beforeFetch, beforeTotal, walk) = await BeforeAsync();
                }

                async Task<(SubmissionSnapshot Snapshot, double Fetch, double Total, double Walk)> BeforeAsync()
                {
                    var watch = Stopwatch.StartNew();
                    await CheckoutFetch.FetchAsync(remote, sha, token, folder, cancellationToken);
                    var fetched = watch.Elapsed.TotalMilliseconds;
                    await CheckoutFetch.CheckoutAsync(folder, sha, cancellationToken);
                    var checkedOut = watch.Elapsed.TotalMilliseconds;
                    var snapshot = await new FolderSubmissionSource(folder).ReadAsync(limits, cancellationToken);
                    return (snapshot, fetched, watch.Elapsed.TotalMilliseconds, watch.Elapsed.TotalMilliseconds - checkedOut);
                }

                if (now.Rejection is not null || now.Files != files || !Same(before!, now))
                {
                    Console.Error.WriteLine($"run {run}: the snapshots differ (now {now.Files} files, before {before.Files}; rejection: {now.Rejection ?? before.Rejection ?? "none"})");
                    return 1;
                }

                if (run == 0)
                {
                    continue; // warm-up: JIT, the stand-in's first pack
                }

                timings["before: fetch"].Add(beforeFetch);
                timings["before: checkout + walk"].Add(beforeTotal - beforeFetch);
                timings["before: total"].Add(beforeTotal);
                timings["folder walk alone"].Add(walk);
                timings["now: fetch (bare)"].Add(fetchedBare);
                timings["now: ls-tree + cat-file"].Add(nowTotal - fetchedBare);
                timings["now: total"].Add(nowTotal);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        foreach (var (phase, samples) in timings)
        {
            Console.WriteLine($"  {phase,-24} {Stats.Of(samples).Format()}");
        }

        var nowStats = Stats.Of(timings["now: total"]);
        var beforeStats = Stats.Of(timings["before: total"]);
        var met = nowStats.Median < 1000;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {files:N0} files fetched and staged from git: median {nowStats.Median:F0} ms now (no checkout), {beforeStats.Median:F0} ms before (checkout + walk), {nowStats.Median / beforeStats.Median:F2}x; staging alone {Stats.Of(timings["now: ls-tree + cat-file"]).Median:F0} ms against {Stats.Of(timings["before: checkout + walk"]).Median:F0} ms; the folder walk of the checkout alone {Stats.Of(timings["folder walk alone"]).Median:F0} ms; limits {(ReferenceEquals(limits, ResourceLimits.Default) ? "the defaults" : "raised")} (target: under 1 s: {(met ? "met" : "NOT met")})"));
        gitHub.AssertNoViolations();
        return met ? 0 : 1;
    }

    /// <summary>N Python-like files of 0.5–1.5 KiB, 50 to a folder, the same on every run; returns their bytes.</summary>
    private static long WriteFiles(GitWorkingCopy student, int files)
    {
        var random = new Random(8);
        long total = 0;
        for (var i = 0; i < files; i++)
        {
            var text = new StringBuilder(2048);
            text.Append(CultureInfo.InvariantCulture, $"\"\"\"Module {i}.\"\"\"\n\n");
            var target = 512 + random.Next(1024);
            while (text.Length < target)
            {
                text.Append(CultureInfo.InvariantCulture, $"def f{random.Next(100_000)}(x):\n    return x * {random.Next(1000)} + {random.Next(1000)}\n\n");
            }

            student.WriteFile($"pkg{i / 50:D3}/mod{i % 50:D2}.py", text.ToString());
            total += text.Length;
        }

        return total;
    }

    /// <summary>Equal entries (paths, kinds, owners, modes, contents) and notes.</summary>
    private static bool Same(SubmissionSnapshot x, SubmissionSnapshot y) =>
        x.Notes.SequenceEqual(y.Notes) && x.Tree.Entries.Count == y.Tree.Entries.Count && x.Tree.Entries.Zip(y.Tree.Entries).All(p =>
            p.First.RelativePath == p.Second.RelativePath && p.First.Kind == p.Second.Kind && p.First.Owner == p.Second.Owner
            && p.First.Executable == p.Second.Executable && (p.First.Content ?? default).Span.SequenceEqual((p.Second.Content ?? default).Span));
}
