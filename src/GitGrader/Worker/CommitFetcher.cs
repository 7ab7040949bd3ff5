using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace GitGrader.Worker;

/// <summary>
/// Fetches exactly one commit with the <c>git</c> CLI (<c>git fetch --depth 1 origin SHA</c>) into an
/// empty folder and checks it out. The token travels in an <c>http.extraHeader</c> given through
/// git's <c>GIT_CONFIG_*</c> environment: never on the command line (process list), never in a file,
/// never in the remote URL, never in the sandbox. No submodules, no LFS, no hooks, no user or system
/// git configuration, no prompts.
/// </summary>
public sealed partial class CommitFetcher
{
    private readonly ILogger<CommitFetcher> _logger;

    /// <summary>Creates the fetcher.</summary>
    public CommitFetcher(ILogger<CommitFetcher> logger) => _logger = logger;

    /// <summary>Fetches <paramref name="sha"/> of <paramref name="remote"/> into <paramref name="directory"/> (created, must not exist or be empty).</summary>
    /// <exception cref="GitFetchException">git failed or timed out; the message says which command and what git said.</exception>
    public async Task FetchAsync(Uri remote, string sha, string? token, string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (!IsSha(sha))
        {
            throw new GitFetchException($"'{sha}' is not a full commit id.");
        }

        Directory.CreateDirectory(directory);
        var started = Stopwatch.GetTimestamp();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await RunGitAsync(directory, token, timeoutSource.Token, "init", "--quiet").ConfigureAwait(false);
            await RunGitAsync(directory, token, timeoutSource.Token, "remote", "add", "origin", remote.AbsoluteUri).ConfigureAwait(false);
            await RunGitAsync(directory, token, timeoutSource.Token, "fetch", "--quiet", "--depth", "1", "--no-tags", "--no-recurse-submodules", "origin", sha).ConfigureAwait(false);
            await RunGitAsync(directory, token: null, timeoutSource.Token, "checkout", "--quiet", "--detach", sha).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GitFetchException($"git fetch of {sha[..12]} from {remote.AbsoluteUri} did not finish within {Describe(timeout)} (Worker:FetchTimeout).");
        }

        LogFetched(_logger, sha[..12], remote.AbsoluteUri, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static string Describe(TimeSpan timeout) => timeout < TimeSpan.FromSeconds(1)
        ? $"{timeout.TotalMilliseconds:0} ms"
        : $"{timeout.TotalSeconds:0.#} s";

    private static bool IsSha(string sha) => sha.Length == 40 && sha.All(char.IsAsciiHexDigitLower);

    private static async Task RunGitAsync(string directory, string? token, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("core.hooksPath=/dev/null");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("protocol.file.allow=never");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var environment = start.Environment;
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment["GIT_ASKPASS"] = "/bin/false";
        environment["SSH_ASKPASS"] = "/bin/false";
        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        environment["GIT_LFS_SKIP_SMUDGE"] = "1";
        environment["LC_ALL"] = "C";
        environment.Remove("GIT_TRACE");
        environment.Remove("GIT_CURL_VERBOSE");
        environment.Remove("GIT_TRACE_CURL");
        if (token is not null)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token));
            environment["GIT_CONFIG_COUNT"] = "1";
            environment["GIT_CONFIG_KEY_0"] = "http.extraHeader";
            environment["GIT_CONFIG_VALUE_0"] = "Authorization: Basic " + basic;
        }

        using var process = Process.Start(start) ?? throw new GitFetchException("could not start git; is it installed and on PATH?");
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await stdout.ConfigureAwait(false);
        var error = (await stderr.ConfigureAwait(false)).Trim();
        if (process.ExitCode != 0)
        {
            if (token is not null)
            {
                error = error.Replace(token, "***", StringComparison.Ordinal);
            }

            throw new GitFetchException($"git {arguments[0]} failed (exit {process.ExitCode}): {(error.Length > 0 ? error : "no message")}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Sha} from {Remote} in {ElapsedMs:0} ms")]
    private static partial void LogFetched(ILogger logger, string sha, string remote, double elapsedMs);
}
