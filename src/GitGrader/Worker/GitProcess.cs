using System.Diagnostics;
using System.Text;

namespace GitGrader.Worker;

/// <summary>
/// One run of the <c>git</c> CLI on a bare repository, cut off from the machine's git set-up: no system
/// or user configuration, no inherited <c>GIT_*</c> variable (no alternates, no other repository), no
/// hooks, no <c>file://</c> transport, no prompts, no LFS smudge, no replace objects, no automatic gc,
/// no fsync (the repository is thrown away after the job).
/// A token, when given, travels in an <c>http.extraHeader</c> through git's <c>GIT_CONFIG_*</c>
/// environment: never on the command line (process list), never in a file; git's words are returned
/// with it masked.
/// </summary>
internal sealed class GitProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _errors;
    private readonly string? _token;
    private readonly string _command;

    private GitProcess(Process process, string? token, string command)
    {
        _process = process;
        _token = token;
        _command = command;
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>What git reads (closed at start unless kept open, then closed by <see cref="CloseInput"/>).</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>What git writes, raw bytes.</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Starts <c>git ARGUMENTS</c> on the repository <paramref name="gitDirectory"/>.</summary>
    public static GitProcess Start(string gitDirectory, string? token, bool keepInput, params string[] arguments) =>
        Start(gitDirectory, token, keepInput, null, arguments);

    /// <summary>
    /// Starts <c>git ARGUMENTS</c> on the repository <paramref name="gitDirectory"/> with <paramref name="environment"/> added
    /// (a commit's identity, an index file, a work tree); never a <c>GIT_CONFIG_*</c> variable, which carry the token.
    /// </summary>
    public static GitProcess Start(string gitDirectory, string? token, bool keepInput, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = gitDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // The repository lives for one job: nothing in it needs to survive a crash (no fsync), nor to be tidied up.
        foreach (var setting in new[] { "core.hooksPath=/dev/null", "protocol.file.allow=never", "core.fsync=none", "gc.auto=0", "maintenance.auto=false" })
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(setting);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var variables = start.Environment;
        // The operator's certificate authority for a GitHub Enterprise host is the one GIT_* setting kept.
        foreach (var inherited in variables.Keys.Where(k => k.StartsWith("GIT_", StringComparison.Ordinal) && k is not ("GIT_SSL_CAINFO" or "GIT_SSL_CAPATH")).ToList())
        {
            variables.Remove(inherited);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            if (name.StartsWith("GIT_CONFIG", StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{name}' is not for callers to set: git's GIT_CONFIG_* variables carry the token.", nameof(environment));
            }

            variables[name] = value;
        }

        variables["GIT_DIR"] = gitDirectory;
        variables["GIT_TERMINAL_PROMPT"] = "0";
        variables["GIT_ASKPASS"] = "/bin/false";
        variables["SSH_ASKPASS"] = "/bin/false";
        variables["GIT_CONFIG_NOSYSTEM"] = "1";
        variables["GIT_CONFIG_GLOBAL"] = "/dev/null";
        variables["GIT_LFS_SKIP_SMUDGE"] = "1";
        variables["GIT_NO_REPLACE_OBJECTS"] = "1";
        variables["LC_ALL"] = "C";
        if (token is not null)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token));
            variables["GIT_CONFIG_COUNT"] = "1";
            variables["GIT_CONFIG_KEY_0"] = "http.extraHeader";
            variables["GIT_CONFIG_VALUE_0"] = "Authorization: Basic " + basic;
        }

        var process = Process.Start(start) ?? throw new GitFetchException("could not start git; is it installed and on PATH?");
        if (!keepInput)
        {
            process.StandardInput.Close();
        }

        return new GitProcess(process, token, CommandOf(arguments));
    }

    /// <summary>The git command among the arguments (after global options such as <c>-C DIR</c>), for messages.</summary>
    private static string CommandOf(string[] arguments)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] is "-C" or "-c")
            {
                i++;
            }
            else if (!arguments[i].StartsWith('-'))
            {
                return arguments[i];
            }
        }

        return arguments[0];
    }

    /// <summary>Tells git its input has ended.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Runs <c>git ARGUMENTS</c> to the end and returns what it wrote.</summary>
    /// <exception cref="GitFetchException">git failed; the message holds its words.</exception>
    public static Task<byte[]> RunAsync(string gitDirectory, string? token, CancellationToken cancellationToken, params string[] arguments) =>
        RunAsync(gitDirectory, token, null, cancellationToken, arguments);

    /// <summary>Runs <c>git ARGUMENTS</c> to the end with <paramref name="environment"/> added, and returns what it wrote.</summary>
    /// <exception cref="GitFetchException">git failed; the message holds its words.</exception>
    public static async Task<byte[]> RunAsync(string gitDirectory, string? token, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken, params string[] arguments)
    {
        using var git = Start(gitDirectory, token, keepInput: false, environment, arguments);
        using var output = new MemoryStream();
        using (cancellationToken.Register(git.Kill))
        {
            await git.Output.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        }

        await git.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return output.ToArray();
    }

    /// <summary>Waits for git to exit; throws when it failed (or was cancelled: then git is killed).</summary>
    /// <exception cref="GitFetchException">git exited with an error; the message holds its words, never the token.</exception>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }

        var error = (await _errors.ConfigureAwait(false)).Trim();
        if (_process.ExitCode != 0)
        {
            throw Failed($"exit {_process.ExitCode}", error);
        }
    }

    /// <summary>A failure of this command with git's words (the token masked).</summary>
    public GitFetchException Failed(string how, string words)
    {
        if (_token is not null)
        {
            words = words.Replace(_token, "***", StringComparison.Ordinal);
        }

        return new GitFetchException($"git {_command} failed ({how}): {(words.Length > 0 ? words : "no message")}");
    }

    /// <summary>Stops git (and anything it started) if it still runs.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
