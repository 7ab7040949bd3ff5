using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace GitGrader.Worker;

/// <summary>
/// Fetches exactly one commit with the <c>git</c> CLI (<c>git fetch --depth 1 origin SHA</c>) into a new
/// bare repository, and nothing else: no checkout, no tags, no submodules, no LFS; the commit's tree is
/// then read straight into the staging by <see cref="FetchedCommit"/>. The token is used for the fetch
/// alone and travels as <see cref="GitProcess"/> describes: never on the command line, in a file, in the
/// remote URL or in the sandbox. Why the CLI and not LibGit2Sharp: its fetch ignores the depth, speaks
/// only protocol v0 and cannot be cancelled.
/// </summary>
public sealed partial class CommitFetcher
{
    private readonly ILogger<CommitFetcher> _logger;

    /// <summary>Creates the fetcher.</summary>
    public CommitFetcher(ILogger<CommitFetcher> logger) => _logger = logger;

    /// <summary>
    /// Fetches <paramref name="sha"/> of <paramref name="remote"/> into a bare repository at
    /// <paramref name="directory"/> (created; must not exist or be empty; the caller deletes it).
    /// </summary>
    /// <exception cref="GitFetchException">git failed or timed out; the message says which command and what git said.</exception>
    public async Task<FetchedCommit> FetchAsync(Uri remote, string sha, string? token, string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (!FetchedCommit.IsSha(sha))
        {
            throw new GitFetchException($"'{sha}' is not a full commit id.");
        }

        Directory.CreateDirectory(directory);
        var started = Stopwatch.GetTimestamp();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await GitProcess.RunAsync(directory, token: null, timeoutSource.Token, "init", "--quiet", "--bare").ConfigureAwait(false);
            await GitProcess.RunAsync(directory, token: null, timeoutSource.Token, "remote", "add", "origin", remote.AbsoluteUri).ConfigureAwait(false);
            await GitProcess.RunAsync(directory, token, timeoutSource.Token, "fetch", "--quiet", "--depth", "1", "--no-tags", "--no-recurse-submodules", "--no-write-fetch-head", "origin", sha).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GitFetchException($"git fetch of {sha[..12]} from {remote.AbsoluteUri} did not finish within {Describe(timeout)} (Worker:FetchTimeout).");
        }

        LogFetched(_logger, sha[..12], remote.AbsoluteUri, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new FetchedCommit(directory, sha);
    }

    private static string Describe(TimeSpan timeout) => timeout < TimeSpan.FromSeconds(1)
        ? $"{timeout.TotalMilliseconds:0} ms"
        : $"{timeout.TotalSeconds:0.#} s";

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Sha} from {Remote} in {ElapsedMs:0} ms")]
    private static partial void LogFetched(ILogger logger, string sha, string remote, double elapsedMs);
}
