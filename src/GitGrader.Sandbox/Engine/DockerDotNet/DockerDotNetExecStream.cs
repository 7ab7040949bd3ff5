using System.Net.Sockets;
using System.Runtime.InteropServices;
using Docker.DotNet;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Sandbox.Engine.DockerDotNet;

/// <summary>
/// <see cref="IExecStream"/> over Docker.DotNet's <see cref="MultiplexedStream"/> (a hijacked connection:
/// stdin raw, stdout and stderr in the engine's 8-byte-header frames).
/// </summary>
internal sealed class DockerDotNetExecStream : IExecStream
{
    private readonly MultiplexedStream _stream;
    private readonly string _endpoint;

    public DockerDotNetExecStream(MultiplexedStream stream, string endpoint)
    {
        _stream = stream;
        _endpoint = endpoint;
    }

    public async Task WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var segment = MemoryMarshal.TryGetArray(data, out var array) && array.Array is not null
            ? array
            : new ArraySegment<byte>(data.ToArray());
        try
        {
            await _stream.WriteAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The program exited or closed its stdin without reading it all (the engine then breaks the
            // pipe, seconds later), or the stream was closed at the step's end: the rest is not ours to give.
        }
    }

    public void CloseStdin()
    {
        try
        {
            _stream.CloseWrite();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // Already gone: nothing to close.
        }
    }

    public async Task<ExecOutputChunk> ReadOutputAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            var read = await _stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            return read.EOF
                ? ExecOutputChunk.End
                : new ExecOutputChunk(read.Target == MultiplexedStream.TargetStream.StandardError ? ExecOutputStream.Stderr : ExecOutputStream.Stdout, read.Count);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            throw new SandboxException(
                $"The Docker engine at {_endpoint} broke off a step's output stream ({ex.Message}).",
                "Check the engine's health (`docker info`, its log); the job is retried.",
                ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
