using System.Globalization;
using System.Text;

namespace GitGrader.GitHubStandIn.Git;

/// <summary>What making a repository from a template, creating a branch and locking one do to the bare repositories.</summary>
internal sealed partial class GitRepositories
{
    /// <summary>
    /// Fills the new repository as GitHub's "Use this template" does: one commit with the template's default-branch tree,
    /// no history, on <paramref name="branch"/>. Nothing when the template is empty. Returns the commit, or null.
    /// </summary>
    public async Task<string?> GenerateFromTemplateAsync(string templateOwner, string templateName, string templateBranch, string owner, string name, string branch, DateTimeOffset when, CancellationToken cancellationToken)
    {
        var tip = await ResolveCommitAsync(templateOwner, templateName, "refs/heads/" + templateBranch, cancellationToken);
        if (tip is null)
        {
            return null;
        }

        var path = PathOf(owner, name);
        using var held = await LockOf(owner, name).AcquireAsync(cancellationToken);
        await RunCheckedAsync(path, cancellationToken, "fetch", "--quiet", "--no-tags", PathOf(templateOwner, templateName), $"{tip}:refs/stand-in/template");
        var date = when.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        var environment = new Dictionary<string, string?>
        {
            ["GIT_AUTHOR_NAME"] = "GitHub",
            ["GIT_AUTHOR_EMAIL"] = "noreply@github.com",
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_NAME"] = "GitHub",
            ["GIT_COMMITTER_EMAIL"] = "noreply@github.com",
            ["GIT_COMMITTER_DATE"] = date,
        };
        var commit = (await RunCheckedAsync(path, environment, null, cancellationToken, "commit-tree", tip + "^{tree}", "-m", "Initial commit")).Trim();
        await RunCheckedAsync(path, cancellationToken, "update-ref", "refs/heads/" + branch, commit);
        await RunCheckedAsync(path, cancellationToken, "update-ref", "-d", "refs/stand-in/template");
        return commit;
    }

    /// <summary>Creates <paramref name="fullRef"/> at <paramref name="sha"/>; false when the ref exists already.</summary>
    public async Task<bool> CreateRefAsync(string owner, string name, string fullRef, string sha, CancellationToken cancellationToken)
    {
        using var held = await LockOf(owner, name).AcquireAsync(cancellationToken);
        var result = await RunAsync(PathOf(owner, name), null, cancellationToken, "update-ref", fullRef, sha, RefUpdate.ZeroSha);
        return result.Succeeded;
    }

    /// <summary>
    /// Locks <paramref name="branches"/> against every push, as GitHub's <c>lock_branch</c> does: a <c>pre-receive</c> hook
    /// that refuses any update of them with GitHub's words (GH006).
    /// </summary>
    public async Task LockBranchesAsync(string owner, string name, IReadOnlyList<string> branches, CancellationToken cancellationToken)
    {
        var script = new StringBuilder("#!/bin/sh\nwhile read old new ref; do\n  case \"$ref\" in\n");
        foreach (var branch in branches)
        {
            script.Append("    'refs/heads/").Append(branch.Replace("'", string.Empty, StringComparison.Ordinal)).Append("')\n")
                .Append("      echo \"error: GH006: Protected branch update failed for $ref.\" >&2\n")
                .Append("      echo \"error: Cannot change this locked branch\" >&2\n      exit 1 ;;\n");
        }

        script.Append("  esac\ndone\nexit 0\n");
        var hooks = Path.Combine(PathOf(owner, name), "hooks");
        Directory.CreateDirectory(hooks);
        var hook = Path.Combine(hooks, "pre-receive");
        await File.WriteAllTextAsync(hook, script.ToString(), cancellationToken);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The stand-in's git hooks need a Unix system.");
        }

        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
    }
}
