using System.Diagnostics;

namespace GitGrader.AppTests.Support;

/// <summary>A student's clone, driven with the real <c>git</c> CLI against the stand-in over HTTP.</summary>
public sealed class GitWorkingCopy : IDisposable
{
    private readonly string _home;

    private GitWorkingCopy(string directory, string home)
    {
        Directory = directory;
        _home = home;
    }

    public string Directory { get; }

    /// <summary>An empty repository whose <c>origin</c> is <paramref name="remote"/> (credentials in the URL).</summary>
    public static async Task<GitWorkingCopy> InitAsync(Uri remote, string branch = "main")
    {
        var root = Path.Combine(Path.GetTempPath(), "gg-wc-" + Guid.NewGuid().ToString("N"));
        var home = Path.Combine(root, "home");
        var directory = Path.Combine(root, "repo");
        System.IO.Directory.CreateDirectory(home);
        System.IO.Directory.CreateDirectory(directory);
        var copy = new GitWorkingCopy(directory, home);
        await copy.GitAsync("init", "--quiet", "--initial-branch", branch);
        await copy.GitAsync("remote", "add", "origin", remote.AbsoluteUri);
        return copy;
    }

    /// <summary>Replaces the working tree's files (all but .git) with a copy of <paramref name="source"/>.</summary>
    public void ReplaceFilesWith(string source)
    {
        foreach (var entry in new DirectoryInfo(Directory).EnumerateFileSystemInfos())
        {
            if (entry.Name == ".git")
            {
                continue;
            }

            if (entry is DirectoryInfo d)
            {
                d.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }

        CopyTree(source, Directory);
    }

    public void WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>Commits everything and returns the new commit's sha.</summary>
    public async Task<string> CommitAllAsync(string message)
    {
        await GitAsync("add", "--all");
        await GitAsync("commit", "--quiet", "--allow-empty", "-m", message);
        return (await GitAsync("rev-parse", "HEAD")).Trim();
    }

    public Task PushAsync(string refspec = "HEAD:refs/heads/main", bool force = false) =>
        force ? GitAsync("push", "--quiet", "--force", "origin", refspec) : GitAsync("push", "--quiet", "origin", refspec);

    public async Task<string> GitAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("user.name=Student");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("user.email=student@example.edu");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = _home;
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(Directory)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void CopyTree(string source, string target)
    {
        foreach (var directory in System.IO.Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            System.IO.Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: true);
        }
    }
}
