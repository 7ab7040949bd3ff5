using System.Diagnostics;

namespace GitGrader.AppTests.StandInTests;

/// <summary>The real git CLI with a throw-away HOME, no prompts and a fixed identity.</summary>
public sealed class GitCli : IDisposable
{
    private GitCli(string root)
    {
        Root = root;
        Home = Path.Combine(root, "home");
        Directory.CreateDirectory(Home);
    }

    public string Root { get; }

    public string Home { get; }

    public static GitCli Create() => new(Path.Combine(Path.GetTempPath(), "gg-standin-git-" + Guid.NewGuid().ToString("N")));

    /// <summary>A new empty folder under the root.</summary>
    public string Folder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public Task<GitResult> RunAsync(string? workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), arguments);

    public async Task<GitResult> RunAsync(string? workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory ?? Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var key in startInfo.Environment.Keys.Where(k => k.StartsWith("GIT_", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        startInfo.Environment["HOME"] = Home;
        startInfo.Environment["XDG_CONFIG_HOME"] = Home;
        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        startInfo.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        startInfo.Environment["GIT_ASKPASS"] = "";
        startInfo.Environment["SSH_ASKPASS"] = "";
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        foreach (var argument in new[] { "-c", "user.name=Stand-in Test", "-c", "user.email=test@example.invalid", "-c", "credential.helper=", "-c", "init.defaultBranch=main" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"git {string.Join(' ', arguments)} did not finish in 60 s");
        }

        return new GitResult(process.ExitCode, await output, await error);
    }

    /// <summary>Runs git and fails the test when it fails; returns stdout trimmed.</summary>
    public async Task<string> CheckedAsync(string? workingDirectory, params string[] arguments)
    {
        var result = await RunAsync(workingDirectory, arguments);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.Error}");
        return result.Output.Trim();
    }

    /// <summary>Writes a file and commits everything; returns the new commit's sha.</summary>
    public async Task<string> CommitFileAsync(string repository, string path, string content, string message)
    {
        var file = Path.Combine(repository, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, content);
        await CheckedAsync(repository, "add", "--all");
        await CheckedAsync(repository, "commit", "--quiet", "-m", message);
        return await CheckedAsync(repository, "rev-parse", "HEAD");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
