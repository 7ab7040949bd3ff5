using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GitGrader.AppTests.Support;

/// <summary>The real <c>gitgrader serve</c> (or <c>worker</c>) process, as an instructor runs it; killable hard.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseUrl { get; }

    public Uri WebhookUrl => new(BaseUrl, "webhooks/github");

    /// <summary>Everything the process printed so far.</summary>
    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    /// <summary>The process id (as in the leases and container labels it writes).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts <c>gitgrader serve --urls http://127.0.0.1:PORT --config CONFIG</c> and waits until it answers /healthz.</summary>
    public static async Task<ServerProcess> StartServeAsync(string configFile, string workingDirectory, int? port = null)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{port ?? FreePort()}/");
        var server = Start(workingDirectory, baseUrl, "serve", "--urls", baseUrl.AbsoluteUri.TrimEnd('/'), "--config", configFile);
        await server.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>Runs a command of the executable to the end (for configuration errors).</summary>
    public static async Task<(int ExitCode, string Output)> RunToEndAsync(string workingDirectory, params string[] arguments)
    {
        var server = Start(workingDirectory, new Uri("http://127.0.0.1:1/"), arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await server._process.WaitForExitAsync(timeout.Token);
        server._process.WaitForExit();
        var result = (server._process.ExitCode, server.Output);
        server._process.Dispose();
        return result;
    }

    /// <summary>SIGKILL, no shutdown: what a crash or an OOM kill of the host looks like.</summary>
    public async Task KillHardAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillHardAsync();
        _process.Dispose();
    }

    private static ServerProcess Start(string workingDirectory, Uri baseUrl, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gitgrader.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"), baseUrl);
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"gitgrader exited with {_process.ExitCode} before serving:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"gitgrader did not answer /healthz within {timeout.TotalSeconds} s:\n{Output}");
    }

    /// <summary>A port nothing listens on now, on loopback.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
