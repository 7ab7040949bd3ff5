using System.Diagnostics;

namespace GitGrader.IntegrationTests.Support;

/// <summary>Runs the real <c>gitgrader</c> executable (built beside the tests) as a user would.</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] arguments) =>
        RunAsync(new Dictionary<string, string>(), TimeSpan.FromMinutes(3), arguments);

    /// <summary>As <see cref="RunAsync(string[])"/>, with <paramref name="environment"/> added to the process's and cut off after <paramref name="timeout"/>.</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gitgrader.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cutOff = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cutOff.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
