namespace GitGrader.Sandbox.Docker;

/// <summary>Where the Docker engine is and how to reach it. Bound from the <c>Docker</c> configuration section.</summary>
public sealed class DockerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string ConfigurationKey = "Docker";

    /// <summary>Engine endpoint: <c>unix:///var/run/docker.sock</c> (default, or <c>DOCKER_HOST</c>) or <c>tcp://host:2375</c>.</summary>
    public string Endpoint { get; set; } = DefaultEndpoint();

    /// <summary>Engine API version spoken; 1.41 is Docker 20.10, the oldest engine supported.</summary>
    public string ApiVersion { get; set; } = "1.41";

    /// <summary>Time allowed for one ordinary API call (not for a running step).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    private static string DefaultEndpoint()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOCKER_HOST");
        return string.IsNullOrWhiteSpace(fromEnvironment) ? "unix:///var/run/docker.sock" : fromEnvironment;
    }
}
