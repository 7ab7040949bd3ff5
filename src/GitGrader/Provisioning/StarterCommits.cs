using System.Text;
using GitGrader.Worker;

namespace GitGrader.Provisioning;

/// <summary>
/// The commits GitGrader makes with real git in a student's repository: the assignment's <c>starter/</c> as the first
/// commit of an empty repository, and the empty commit on the default branch that gives the Feedback pull request something
/// to show (GitHub refuses a pull request with no commits between its branches). Each in a throw-away bare repository; the
/// installation token travels as <see cref="GitProcess"/> carries it (an <c>http.extraHeader</c> in git's environment: never
/// on a command line or on disk).
/// </summary>
internal sealed class StarterCommits
{
    private const string AuthorName = "GitGrader";
    private const string AuthorEmail = "gitgrader@users.noreply.github.com";

    /// <summary>Commits every file of <paramref name="starterDirectory"/> (git's own rules: <c>.gitignore</c> honoured, links kept as links) and pushes it as <paramref name="branch"/>; returns the commit.</summary>
    public async Task<string> PushStarterAsync(Uri remote, string token, string starterDirectory, string branch, string message, DateTimeOffset when, CancellationToken cancellationToken)
    {
        var workspace = Directory.CreateTempSubdirectory("gitgrader-starter-").FullName;
        try
        {
            var environment = Identity(when);
            environment["GIT_WORK_TREE"] = starterDirectory;
            environment["GIT_INDEX_FILE"] = Path.Combine(workspace, "index");
            await GitProcess.RunAsync(workspace, null, cancellationToken, "init", "--quiet", "--bare").ConfigureAwait(false);
            await GitProcess.RunAsync(workspace, null, environment, cancellationToken, "-C", starterDirectory, "add", "--all").ConfigureAwait(false);
            var tree = Text(await GitProcess.RunAsync(workspace, null, environment, cancellationToken, "write-tree").ConfigureAwait(false));
            var commit = Text(await GitProcess.RunAsync(workspace, null, environment, cancellationToken, "commit-tree", tree, "-m", message).ConfigureAwait(false));
            await GitProcess.RunAsync(workspace, token, cancellationToken, "push", "--quiet", remote.AbsoluteUri, $"{commit}:refs/heads/{branch}").ConfigureAwait(false);
            return commit;
        }
        finally
        {
            Delete(workspace);
        }
    }

    /// <summary>Pushes a commit with <paramref name="parent"/>'s tree and <paramref name="parent"/> as its parent onto <paramref name="branch"/>; returns it.</summary>
    public async Task<string> PushEmptyCommitAsync(Uri remote, string token, string branch, string parent, string message, DateTimeOffset when, CancellationToken cancellationToken)
    {
        var workspace = Directory.CreateTempSubdirectory("gitgrader-feedback-").FullName;
        try
        {
            await GitProcess.RunAsync(workspace, null, cancellationToken, "init", "--quiet", "--bare").ConfigureAwait(false);
            await GitProcess.RunAsync(workspace, token, cancellationToken, "fetch", "--quiet", "--depth", "1", "--no-tags", "--no-write-fetch-head", remote.AbsoluteUri, parent).ConfigureAwait(false);
            var commit = Text(await GitProcess.RunAsync(workspace, null, Identity(when), cancellationToken, "commit-tree", parent + "^{tree}", "-p", parent, "-m", message).ConfigureAwait(false));
            await GitProcess.RunAsync(workspace, token, cancellationToken, "push", "--quiet", remote.AbsoluteUri, $"{commit}:refs/heads/{branch}").ConfigureAwait(false);
            return commit;
        }
        finally
        {
            Delete(workspace);
        }
    }

    private static Dictionary<string, string> Identity(DateTimeOffset when)
    {
        var date = when.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + " +0000";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GIT_AUTHOR_NAME"] = AuthorName,
            ["GIT_AUTHOR_EMAIL"] = AuthorEmail,
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_NAME"] = AuthorName,
            ["GIT_COMMITTER_EMAIL"] = AuthorEmail,
            ["GIT_COMMITTER_DATE"] = date,
        };
    }

    private static string Text(byte[] output) => Encoding.UTF8.GetString(output).Trim();

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary folder left behind holds no secret (the token never reaches the disk).
        }
    }
}
