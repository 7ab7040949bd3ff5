using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GitGrader.Core.Grading.Dependencies;

namespace GitGrader.IntegrationTests.Support;

/// <summary>
/// Stand-ins for Maven Central and PyPI, which this machine cannot reach: the image of tests/mirrors (Debian's
/// packaged Maven plugins and JUnit in a Maven 2 layout, a PEP 503 index with one wheel built there) serving plain
/// HTTP on the host's loopback, where the preparation's build (host network) finds it. The image is built once per
/// engine (apt from Debian's archive, about half a minute); the server is one container per test class.
/// </summary>
public sealed class RegistryMirrors : IAsyncLifetime
{
    private const string Image = "gitgrader-test/mirrors";

    /// <summary>The port tried first: a fixed one keeps the mirror URLs, so the prepared images' hash, the same from run to run.</summary>
    private const int PreferredPort = 18931;

    private string? _container;

    /// <summary>The mirrors as a course would configure them.</summary>
    public DependencyOptions Options { get; private set; } = DependencyOptions.Default;

    public async Task InitializeAsync()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "mirrors");
        await RunAsync(["build", "-q", "--network", "host", "-t", Image, folder], TimeSpan.FromMinutes(10));
        var port = IsFree(PreferredPort) ? PreferredPort : FreePort();
        _container = (await RunAsync(
            ["run", "-d", "--rm", "--network", "host", "--label", "gitgrader.test=mirrors", Image,
             "python3", "-m", "http.server", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--directory", "/srv/www"],
            TimeSpan.FromMinutes(1))).Trim();
        var root = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                (await http.GetAsync(new Uri(root + "/pypi/simple/"))).EnsureSuccessStatusCode();
                break;
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }

        Options = new DependencyOptions { MavenMirror = root + "/maven", PipIndexUrl = root + "/pypi/simple" };
    }

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await RunAsync(["rm", "-f", _container], TimeSpan.FromMinutes(1));
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var error = process.StandardError.ReadToEndAsync(cancel.Token);
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
