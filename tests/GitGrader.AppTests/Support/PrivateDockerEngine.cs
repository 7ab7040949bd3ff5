using System.Diagnostics;
using System.Net.Http;
using System.Net.Sockets;

namespace GitGrader.AppTests.Support;

/// <summary>
/// A Docker engine of the test's own (a second <c>dockerd</c> with its own socket, data root and containerd), so a test
/// can stop and restart it mid-grade without touching the machine's engine that the other tests share. Images come from
/// the machine's engine (<c>docker save | docker load</c>): there is no registry here. Needs root, as
/// <c>grader-images/ensure-docker.sh</c> does.
/// </summary>
public sealed class PrivateDockerEngine : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _root;
    private Process? _daemon;
    private readonly Lock _logLock = new();
    private StreamWriter? _log;

    private PrivateDockerEngine(string root)
    {
        _root = root;
    }

    /// <summary>The engine's socket, as <c>Docker:Endpoint</c> takes it.</summary>
    public string Endpoint => $"unix://{SocketPath}";

    /// <summary>What the engine wrote, for a failure's message.</summary>
    public string LogTail
    {
        get
        {
            if (!File.Exists(LogPath))
            {
                return string.Empty;
            }

            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(20));
        }
    }

    private string SocketPath => Path.Combine(_root, "docker.sock");

    private string LogPath => Path.Combine(_root, "dockerd.log");

    /// <summary>Starts an engine and loads <paramref name="images"/> into it from the machine's engine.</summary>
    public static async Task<PrivateDockerEngine> StartAsync(params string[] images)
    {
        // A short path: a unix socket's path may not pass 107 bytes.
        var root = Path.Combine("/tmp", $"gg-dockerd-{Guid.NewGuid():N}"[..20]);
        Directory.CreateDirectory(root);
        var engine = new PrivateDockerEngine(root);
        try
        {
            await engine.StartDaemonAsync();
            foreach (var image in images)
            {
                await engine.LoadAsync(image);
            }

            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the engine as <c>systemctl restart docker</c> does (SIGTERM: its containers are stopped, their execs end) and
    /// starts it again on the same data root. Returns when it answers again.
    /// </summary>
    public async Task RestartAsync()
    {
        await StopDaemonAsync();
        await StartDaemonAsync();
    }

    /// <summary>The ids of the containers on this engine that carry <paramref name="label"/>, running or not.</summary>
    public async Task<IReadOnlyList<string>> ContainersAsync(string label)
    {
        var (exitCode, output) = await DockerAsync("ps", "-aq", "--filter", $"label={label}");
        return exitCode == 0 ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_daemon is { HasExited: false })
            {
                foreach (var id in await ContainersAsync("io.gitgrader.managed=true"))
                {
                    await DockerAsync("rm", "-f", id);
                }
            }

            await StopDaemonAsync();
        }
        finally
        {
            _daemon?.Dispose();
            lock (_logLock)
            {
                _log?.Dispose();
                _log = null;
            }

            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A mount the engine left behind: /tmp is emptied at the next boot.
            }
        }
    }

    private async Task StartDaemonAsync()
    {
        var start = new ProcessStartInfo("dockerd")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--host", Endpoint,
            "--data-root", Path.Combine(_root, "data"),
            "--exec-root", Path.Combine(_root, "exec"),
            "--pidfile", Path.Combine(_root, "docker.pid"),
            "--iptables=false", "--bridge=none", "--shutdown-timeout", "2",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _daemon?.Dispose();
        try
        {
            _daemon = Process.Start(start) ?? throw new InvalidOperationException("dockerd did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("dockerd is not installed: run `bash grader-images/ensure-docker.sh` (as root) first.", ex);
        }

        lock (_logLock)
        {
            _log ??= new StreamWriter(LogPath, append: true) { AutoFlush = true };
        }

        _ = CopyAsync(_daemon.StandardOutput);
        _ = CopyAsync(_daemon.StandardError);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AnswersAsync())
        {
            if (_daemon.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"the private dockerd did not answer on {SocketPath} within {StartTimeout.TotalSeconds} s:\n{LogTail}");
            }

            await Task.Delay(200);
        }
    }

    private async Task StopDaemonAsync()
    {
        if (_daemon is not { HasExited: false } daemon)
        {
            return;
        }

        using var kill = Process.Start("kill", ["-TERM", daemon.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await daemon.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            daemon.Kill(entireProcessTree: true);
            await daemon.WaitForExitAsync();
        }
    }

    private async Task LoadAsync(string image)
    {
        var shell = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardError = true };
        shell.ArgumentList.Add("-c");
        shell.ArgumentList.Add("docker save \"$1\" | docker -H \"$2\" load -q >/dev/null");
        shell.ArgumentList.Add("load");
        shell.ArgumentList.Add(image);
        shell.ArgumentList.Add(Endpoint);
        using var process = Process.Start(shell)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"could not copy {image} into the private engine (build it with `bash grader-images/build.sh`): {error}");
        }
    }

    private async Task<(int ExitCode, string Output)> DockerAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("docker") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-H");
        start.ArgumentList.Add(Endpoint);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output);
    }

    private async Task<bool> AnswersAsync()
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var answer = await http.GetAsync(new Uri("http://engine/_ping"));
            return answer.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or SocketException)
        {
            return false;
        }
    }

    private async Task CopyAsync(StreamReader from)
    {
        while (await from.ReadLineAsync() is { } line)
        {
            lock (_logLock)
            {
                _log?.WriteLine(line);
            }
        }
    }
}
