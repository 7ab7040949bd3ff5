using System.Diagnostics;
using System.Text;

namespace GitGrader.Benchmarks;

/// <summary>
/// How the worker fetched a commit before it read trees straight from a bare repository (commit 90e719b's
/// CommitFetcher): <c>git init</c>, <c>remote add</c>, <c>fetch --depth 1 origin SHA</c>, then
/// <c>checkout --detach SHA</c>, with the same isolation (no user or system configuration, token in the
/// environment). Kept here only as the benchmark's baseline.
/// </summary>
public static class CheckoutFetch
{
    public static async Task FetchAsync(Uri remote, string sha, string token, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await GitAsync(directory, null, cancellationToken, "init", "--quiet");
        await GitAsync(directory, null, cancellationToken, "remote", "add", "origin", remote.AbsoluteUri);
        await GitAsync(directory, token, cancellationToken, "fetch", "--quiet", "--depth", "1", "--no-tags", "--no-recurse-submodules", "origin", sha);
    }

    public static Task CheckoutAsync(string directory, string sha, CancellationToken cancellationToken) =>
        GitAsync(directory, null, cancellationToken, "checkout", "--quiet", "--detach", sha);

    private static async Task GitAsync(string directory, string? token, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", "core.hooksPath=/dev/null", "-c", "protocol.file.allow=never" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_LFS_SKIP_SMUDGE"] = "1";
        if (token is not null)
        {
            start.Environment["GIT_CONFIG_COUNT"] = "1";
            start.Environment["GIT_CONFIG_KEY_0"] = "http.extraHeader";
            start.Environment["GIT_CONFIG_VALUE_0"] = "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token));
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {arguments[0]} failed ({process.ExitCode}): {await error}");
        }
    }
}
