using Docker.DotNet;
using GitGrader.Sandbox.Docker;
using GitGrader.Sandbox.Engine;
using GitGrader.Sandbox.Engine.DockerDotNet;

namespace GitGrader.IntegrationTests.Support;

/// <summary>
/// A real Docker engine with the Python grader image. Missing either is a failure with the fix,
/// never a skip: these tests exist to run against the real thing (.ci/run sets both up).
/// </summary>
public sealed class DockerFixture : IAsyncLifetime
{
    public const string PythonImage = "gitgrader/python:latest";

    /// <summary>Environment variable naming the OCI runtime the sandbox uses (e.g. <c>runsc</c>); unset or empty: the engine's default.</summary>
    public const string RuntimeVariable = "GITGRADER_TEST_DOCKER_RUNTIME";

    private readonly IDockerClient _client = DockerClientFactory.Create(new DockerOptions());

    public DockerFixture()
    {
        Engine = new DockerDotNetEngine(_client, new DockerOptions());
    }

    /// <summary>The OCI runtime the tests grade under (<see cref="RuntimeVariable"/>); empty: the engine's default.</summary>
    public static string Runtime { get; } = Environment.GetEnvironmentVariable(RuntimeVariable)?.Trim() ?? string.Empty;

    /// <summary>Whether <see cref="Runtime"/> is gVisor (<c>runsc</c>, <c>runsc-*</c>).</summary>
    public static bool IsGvisor => GvisorAdjustments.IsGvisor(Runtime);

    /// <summary>The sandbox as the CLI makes it, under <see cref="Runtime"/>.</summary>
    public DockerSandbox Sandbox { get; } = DockerSandbox.Create(new DockerOptions { Runtime = Runtime });

    /// <summary>The engine seam on its own client, for what a test must do or check beside the sandbox.</summary>
    internal IContainerEngine Engine { get; }

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await Sandbox.PingAsync(timeout.Token);
        if (!await Sandbox.ImageExistsAsync(PythonImage, timeout.Token))
        {
            throw new InvalidOperationException($"{PythonImage} is missing: run `bash grader-images/build.sh python` (or .ci/run).");
        }
    }

    public Task DisposeAsync()
    {
        Sandbox.Dispose();
        _client.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Creates (not starts) an idle container of the Python image, without network, changed by <paramref name="adjust"/>.</summary>
    internal async Task<string> CreateIdleContainerAsync(Func<ContainerSpec, ContainerSpec> adjust)
    {
        var spec = new ContainerSpec
        {
            Name = "gitgrader-test-" + Guid.NewGuid().ToString("N")[..8],
            Image = PythonImage,
            Entrypoint = ["sleep"],
            Command = ["infinity"],
            User = "65534:65534",
            NetworkDisabled = true,
        };
        return await Engine.CreateContainerAsync(adjust(spec), CancellationToken.None);
    }

    /// <summary>GitGrader containers still in the engine that this process created.</summary>
    public async Task<IReadOnlyList<string>> OurContainersAsync()
    {
        return await Sandbox.ListOwnContainersAsync(CancellationToken.None);
    }
}
