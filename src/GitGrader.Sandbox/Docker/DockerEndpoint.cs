using System.Net;
using System.Net.Sockets;

namespace GitGrader.Sandbox.Docker;

/// <summary>A parsed engine endpoint, able to open raw connections to it.</summary>
internal sealed class DockerEndpoint
{
    private DockerEndpoint(string display, EndPoint endPoint)
    {
        Display = display;
        EndPoint = endPoint;
    }

    /// <summary>The endpoint as configured, for messages.</summary>
    public string Display { get; }

    /// <summary>The socket address.</summary>
    public EndPoint EndPoint { get; }

    public static DockerEndpoint Parse(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        if (endpoint.StartsWith("unix://", StringComparison.Ordinal))
        {
            return new DockerEndpoint(endpoint, new UnixDomainSocketEndPoint(endpoint["unix://".Length..]));
        }

        if (endpoint.StartsWith("tcp://", StringComparison.Ordinal)
            && Uri.TryCreate("http://" + endpoint["tcp://".Length..], UriKind.Absolute, out var uri))
        {
            return new DockerEndpoint(endpoint, new DnsEndPoint(uri.Host, uri.Port));
        }

        throw new ArgumentException(
            $"Docker endpoint '{endpoint}' is not understood; use unix:///path/to/docker.sock or tcp://host:port.",
            nameof(endpoint));
    }

    /// <summary>Opens a connected socket to the engine.</summary>
    public async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = EndPoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(EndPoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
