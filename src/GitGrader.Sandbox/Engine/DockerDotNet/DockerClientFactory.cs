using Docker.DotNet;
using Docker.DotNet.LegacyHttp;
using Docker.DotNet.Unix;
using GitGrader.Sandbox.Docker;

namespace GitGrader.Sandbox.Engine.DockerDotNet;

/// <summary>
/// Builds the Docker.DotNet client for <see cref="DockerOptions"/>: the unix-socket transport for
/// <c>unix://</c>, the library's own HTTP transport for <c>tcp://</c> (not the .NET native one: its
/// half-close of an exec's stdin closes the whole stream, so the output cannot be read after it).
/// Neither goes through an HTTP proxy from the environment: the engine's endpoint is named exactly.
/// </summary>
internal static class DockerClientFactory
{
    public static IDockerClient Create(DockerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = DockerEndpoint.Parse(options.Endpoint);
        var builder = new DockerClientBuilder().WithEndpoint(endpoint).WithTimeout(options.RequestTimeout);
        if (DockerEndpoint.ApiVersion(options.ApiVersion) is { } version)
        {
            builder = builder.WithApiVersion(version);
        }

        return endpoint.Scheme == DockerEndpoint.UnixScheme
            ? builder.WithTransportOptions(new UnixSocketTransportOptions { ConfigureHandler = handler => handler.UseProxy = false }).Build()
            : builder.WithTransportOptions(new LegacyHttpTransportOptions { ConfigureHandler = handler => handler.UseProxy = false }).Build();
    }
}
