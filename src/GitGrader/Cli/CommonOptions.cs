using System.CommandLine;

namespace GitGrader.Cli;

/// <summary>Options shared by the commands that grade.</summary>
internal static class CommonOptions
{
    public static Option<string?> DockerHost { get; } = new("--docker-host")
    {
        Description = "Docker engine endpoint (unix:///var/run/docker.sock or tcp://host:port). Default: $DOCKER_HOST, else the local socket.",
    };

    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log sandbox activity (container ids, step timings) to stderr.",
    };
}
