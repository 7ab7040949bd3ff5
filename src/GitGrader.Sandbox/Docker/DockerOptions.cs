namespace GitGrader.Sandbox.Docker;

/// <summary>Where the Docker engine is and how to reach it. Bound from the <c>Docker</c> configuration section.</summary>
public sealed class DockerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string ConfigurationKey = "Docker";

    /// <summary>Engine endpoint: <c>unix:///var/run/docker.sock</c> (default, or <c>DOCKER_HOST</c>) or <c>tcp://host:2375</c>.</summary>
    public string Endpoint { get; set; } = DefaultEndpoint();

    /// <summary>
    /// Engine API version to pin requests to (e.g. <c>1.41</c>, Docker 20.10, the oldest engine supported).
    /// Empty (the default): requests go to unversioned paths and the engine answers in its own version,
    /// which keeps working on engines that no longer serve old API versions.
    /// </summary>
    public string ApiVersion { get; set; } = string.Empty;

    /// <summary>Time allowed for one ordinary API call (not for a running step, nor for an image build).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// OCI runtime the grading containers run under, by the name the engine registered it with
    /// (e.g. <c>runsc</c>, gVisor, which <c>grader-images/ensure-docker.sh</c> registers). Empty (the default):
    /// the engine's default runtime, runc.
    /// </summary>
    public string Runtime { get; set; } = string.Empty;

    private static string DefaultEndpoint()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOCKER_HOST");
        return string.IsNullOrWhiteSpace(fromEnvironment) ? "unix:///var/run/docker.sock" : fromEnvironment;
    }
}
