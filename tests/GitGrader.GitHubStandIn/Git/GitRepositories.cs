using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GitGrader.GitHubStandIn.Infrastructure;

namespace GitGrader.GitHubStandIn.Git;

/// <summary>
/// The bare repositories under one root, driven through the git CLI with a clean configuration (no
/// system or user config, no inherited <c>GIT_*</c> variables). A per-repository lock serialises writes.
/// </summary>
internal sealed partial class GitRepositories : IDisposable
{
    private const int MaxPayloadCommits = 20;
    private const char RecordSeparator = '\u001e';
    private const char FieldSeparator = '\u001f';

    private readonly string _gitPath;
    private readonly string _home;
    private readonly Lock _locksLock = new();
    private readonly Dictionary<string, AsyncLock> _locks = new(StringComparer.OrdinalIgnoreCase);

    // Full shas known to name a commit, per repository folder. A commit never stops existing while its repository does,
    // so a check-run or ref call naming one needs no git process after the first; only positive answers are kept (a sha
    // not pushed yet may be pushed later), and a repository created again under the same name starts with none.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _knownCommits = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the root folder layout.</summary>
    public GitRepositories(string gitPath, string root)
    {
        _gitPath = gitPath;
        ProjectRoot = Path.Combine(root, "repos");
        _home = Path.Combine(root, "home");
        Directory.CreateDirectory(ProjectRoot);
        Directory.CreateDirectory(_home);
    }

    /// <summary><c>GIT_PROJECT_ROOT</c>: bare repositories at <c>{owner}/{name}.git</c>.</summary>
    public string ProjectRoot { get; }

    /// <summary>The git executable.</summary>
    public string GitPath => _gitPath;

    /// <summary>Environment for every server-side git process.</summary>
    public IReadOnlyDictionary<string, string?> BaseEnvironment => new Dictionary<string, string?>
    {
        ["HOME"] = _home,
        ["XDG_CONFIG_HOME"] = _home,
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["LC_ALL"] = "C",
    };

    /// <summary>True when <paramref name="segment"/> may be an owner or repository name.</summary>
    public static bool IsValidName(string segment) => NamePattern().IsMatch(segment) && segment != "." && segment != "..";

    /// <summary>The bare repository's folder.</summary>
    public string PathOf(string owner, string name) => Path.Combine(ProjectRoot, owner, name + ".git");

    /// <summary>The repository's write lock.</summary>
    public AsyncLock LockOf(string owner, string name)
    {
        lock (_locksLock)
        {
            var key = $"{owner}/{name}";
            if (!_locks.TryGetValue(key, out var gate))
            {
                gate = new AsyncLock();
                _locks[key] = gate;
            }

            return gate;
        }
    }

    /// <summary>Creates a bare repository whose HEAD is <paramref name="defaultBranch"/>, served for fetch and push over HTTP.</summary>
    public async Task CreateBareAsync(string owner, string name, string defaultBranch, CancellationToken cancellationToken)
    {
        var path = PathOf(owner, name);
        _knownCommits.TryRemove(path, out _);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await RunCheckedAsync(null, cancellationToken, "init", "--quiet", "--bare", "--initial-branch=" + defaultBranch, path);
        foreach (var (key, value) in new[]
        {
            ("http.receivepack", "true"),
            ("uploadpack.allowAnySHA1InWant", "true"),
            ("uploadpack.allowReachableSHA1InWant", "true"),
            ("uploadpack.allowTipSHA1InWant", "true"),
            ("uploadpack.allowFilter", "true"),
            ("receive.denyDeleteCurrent", "warn"),
            ("core.logAllRefUpdates", "false"),
        })
        {
            await RunCheckedAsync(path, cancellationToken, "config", key, value);
        }
    }

    /// <summary>Every ref and its sha.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadRefsAsync(string owner, string name, CancellationToken cancellationToken)
    {
        var output = await RunCheckedAsync(PathOf(owner, name), cancellationToken, "for-each-ref", "--format=%(objectname) %(refname)");
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            refs[line[(space + 1)..]] = line[..space];
        }

        return refs;
    }

    /// <summary>The full sha of the commit <paramref name="revision"/> names, or null.</summary>
    public async Task<string?> ResolveCommitAsync(string owner, string name, string revision, CancellationToken cancellationToken)
    {
        if (revision.Length == 0 || revision.StartsWith('-') || revision.Any(char.IsControl))
        {
            return null;
        }

        var path = PathOf(owner, name);
        var fullSha = FullSha().IsMatch(revision);
        if (fullSha && _knownCommits.TryGetValue(path, out var known) && known.ContainsKey(revision))
        {
            return revision;
        }

        var result = await RunAsync(path, null, cancellationToken, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        var sha = result.Succeeded ? result.StandardOutput.Trim() : null;
        if (fullSha && sha == revision)
        {
            _knownCommits.GetOrAdd(path, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(sha, 0);
        }

        return sha;
    }

    /// <summary>True when <paramref name="ancestor"/> is reachable from <paramref name="descendant"/> (or equal).</summary>
    public async Task<bool> IsAncestorAsync(string owner, string name, string ancestor, string descendant, CancellationToken cancellationToken)
    {
        var result = await RunAsync(PathOf(owner, name), null, cancellationToken, "merge-base", "--is-ancestor", ancestor, descendant);
        return result.ExitCode == 0;
    }

    /// <summary>Commits reachable from <paramref name="tip"/> and from none of <paramref name="excluded"/>, oldest first, at most 20 (the newest).</summary>
    public async Task<IReadOnlyList<CommitInfo>> LogAsync(string owner, string name, string tip, IEnumerable<string> excluded, CancellationToken cancellationToken, int max = MaxPayloadCommits)
    {
        var arguments = new List<string>
        {
            "-c", "core.quotePath=false", "log", "--no-renames", "--name-status", "--reverse",
            $"--max-count={max}", "--format=%x1e%H%x1f%T%x1f%aI%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%B%x1f", tip,
        };
        arguments.AddRange(excluded.Where(e => e != RefUpdate.ZeroSha).Select(e => "^" + e));
        var output = await RunCheckedAsync(PathOf(owner, name), cancellationToken, [.. arguments]);
        // --max-count picks the newest commits, then --reverse lists them oldest first (as GitHub's payload does).
        return [.. output.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries).Select(ParseCommit)];
    }

    /// <summary>
    /// Commits <paramref name="files"/> on top of <paramref name="branch"/> without a work tree and moves the branch; a new
    /// branch starts from <paramref name="defaultBranch"/> (or as a first commit). No webhook: this seeds a repository.
    /// </summary>
    public async Task<string> SeedCommitAsync(string owner, string name, string branch, string defaultBranch, IReadOnlyDictionary<string, string> files, string message, DateTimeOffset when, CancellationToken cancellationToken)
    {
        var path = PathOf(owner, name);
        using var held = await LockOf(owner, name).AcquireAsync(cancellationToken);
        var tip = await ResolveCommitAsync(owner, name, "refs/heads/" + branch, cancellationToken);
        var parent = tip ?? await ResolveCommitAsync(owner, name, "refs/heads/" + defaultBranch, cancellationToken);
        var index = Path.Combine(_home, "index-" + Guid.NewGuid().ToString("N"));
        var date = when.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        var environment = new Dictionary<string, string?>
        {
            ["GIT_INDEX_FILE"] = index,
            ["GIT_AUTHOR_NAME"] = "GitHub Stand-in",
            ["GIT_AUTHOR_EMAIL"] = "stand-in@example.invalid",
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_NAME"] = "GitHub Stand-in",
            ["GIT_COMMITTER_EMAIL"] = "stand-in@example.invalid",
            ["GIT_COMMITTER_DATE"] = date,
        };
        try
        {
            if (parent is not null)
            {
                await RunCheckedAsync(path, environment, null, cancellationToken, "read-tree", parent);
            }

            foreach (var (file, content) in files)
            {
                var blob = (await RunCheckedAsync(path, environment, Encoding.UTF8.GetBytes(content), cancellationToken, "hash-object", "-w", "--stdin")).Trim();
                await RunCheckedAsync(path, environment, null, cancellationToken, "update-index", "--add", "--cacheinfo", $"100644,{blob},{file.Replace('\\', '/')}");
            }

            var tree = (await RunCheckedAsync(path, environment, null, cancellationToken, "write-tree")).Trim();
            var commitArguments = new List<string> { "commit-tree", tree, "-m", message };
            if (parent is not null)
            {
                commitArguments.AddRange(["-p", parent]);
            }

            var commit = (await RunCheckedAsync(path, environment, null, cancellationToken, [.. commitArguments])).Trim();
            await RunCheckedAsync(path, environment, null, cancellationToken, "update-ref", "refs/heads/" + branch, commit, tip ?? RefUpdate.ZeroSha);
            return commit;
        }
        finally
        {
            File.Delete(index);
        }
    }

    /// <summary>
    /// Writes <paramref name="count"/> commits, each on the one before, onto <paramref name="branch"/> (from its tip, or from
    /// <paramref name="defaultBranch"/> when it is new) in one <c>git fast-import</c>, each changing <c>load.txt</c>.
    /// Returns their shas, oldest first. For load tests that need thousands of real commits quickly.
    /// </summary>
    public async Task<IReadOnlyList<string>> SeedCommitChainAsync(string owner, string name, string branch, string defaultBranch, int count, DateTimeOffset when, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var path = PathOf(owner, name);
        using var held = await LockOf(owner, name).AcquireAsync(cancellationToken);
        var parent = await ResolveCommitAsync(owner, name, "refs/heads/" + branch, cancellationToken)
            ?? await ResolveCommitAsync(owner, name, "refs/heads/" + defaultBranch, cancellationToken);
        var date = when.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        var stream = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var message = $"Load commit {i + 1} of {count}";
            var content = $"{branch} {i}\n";
            stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/{branch}\n");
            stream.Append(CultureInfo.InvariantCulture, $"author GitHub Stand-in <stand-in@example.invalid> {date}\ncommitter GitHub Stand-in <stand-in@example.invalid> {date}\n");
            stream.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(message)}\n{message}\n");
            if (i == 0 && parent is not null)
            {
                stream.Append(CultureInfo.InvariantCulture, $"from {parent}\n");
            }

            stream.Append(CultureInfo.InvariantCulture, $"M 100644 inline load.txt\ndata {Encoding.UTF8.GetByteCount(content)}\n{content}\n");
        }

        await RunCheckedAsync(path, null, Encoding.UTF8.GetBytes(stream.ToString()), cancellationToken, "fast-import", "--quiet");
        var shas = (await RunCheckedAsync(path, cancellationToken, "rev-list", "--reverse", $"--max-count={count}", "refs/heads/" + branch))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return shas.Length == count ? shas : throw new InvalidOperationException($"fast-import into {owner}/{name} left {shas.Length} of {count} commits on {branch}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_locksLock)
        {
            foreach (var gate in _locks.Values)
            {
                gate.Dispose();
            }

            _locks.Clear();
        }
    }

    private static CommitInfo ParseCommit(string record)
    {
        var fields = record.Split(FieldSeparator);
        var added = new List<string>();
        var removed = new List<string>();
        var modified = new List<string>();
        foreach (var line in fields[8].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 1)
            {
                continue;
            }

            var file = line[(tab + 1)..];
            (line[0] switch { 'A' => added, 'D' => removed, _ => modified }).Add(file);
        }

        return new CommitInfo(
            fields[0],
            fields[1],
            fields[7].TrimEnd('\n'),
            DateTimeOffset.Parse(fields[2], CultureInfo.InvariantCulture),
            fields[3],
            fields[4],
            fields[5],
            fields[6],
            added,
            removed,
            modified);
    }

    private Task<string> RunCheckedAsync(string? workingDirectory, CancellationToken cancellationToken, params string[] arguments) =>
        RunCheckedAsync(workingDirectory, null, null, cancellationToken, arguments);

    private async Task<string> RunCheckedAsync(string? workingDirectory, IReadOnlyDictionary<string, string?>? extra, byte[]? input, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await RunAsync(workingDirectory, extra, input, cancellationToken, arguments);
        return result.Succeeded
            ? result.StandardOutput
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.StandardError.Trim()}");
    }

    private Task<ProcessResult> RunAsync(string? workingDirectory, IReadOnlyDictionary<string, string?>? extra, CancellationToken cancellationToken, params string[] arguments) =>
        RunAsync(workingDirectory, extra, null, cancellationToken, arguments);

    private Task<ProcessResult> RunAsync(string? workingDirectory, IReadOnlyDictionary<string, string?>? extra, byte[]? input, CancellationToken cancellationToken, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>(BaseEnvironment);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return ProcessRunner.RunAsync(_gitPath, arguments, workingDirectory, environment, input, cancellationToken);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9a-f]{40}$", RegexOptions.CultureInvariant)]
    private static partial Regex FullSha();
}
