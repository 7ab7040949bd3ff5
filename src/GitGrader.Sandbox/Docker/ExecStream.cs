using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace GitGrader.Sandbox.Docker;

/// <summary>
/// A hijacked exec connection: stdin goes out raw (then half-closed), stdout and stderr come back
/// in Docker's multiplexed frames (8-byte header: stream, 3 zero bytes, big-endian length).
/// </summary>
internal sealed class ExecStream : IDisposable
{
    private const int MaxHeaderBytes = 16 * 1024;
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private ExecStream(Socket socket, byte[] leftover, int leftoverCount)
    {
        _socket = socket;
        Array.Copy(leftover, _buffer, leftoverCount);
        _end = leftoverCount;
    }

    /// <summary>Reads the HTTP answer to the start request and returns the raw stream that follows it.</summary>
    public static async Task<ExecStream> OpenAsync(Socket socket, CancellationToken cancellationToken)
    {
        var head = new byte[MaxHeaderBytes];
        var count = 0;
        int headerEnd;
        while ((headerEnd = head.AsSpan(0, count).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (count == head.Length)
            {
                throw new DockerApiException("The Docker engine's answer to exec start had an over-long header.");
            }

            var read = await socket.ReceiveAsync(head.AsMemory(count), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new DockerApiException("The Docker engine closed the connection before answering exec start.");
            }

            count += read;
        }

        var statusLine = Encoding.ASCII.GetString(head, 0, head.AsSpan(0, headerEnd).IndexOf("\r\n"u8) is var i and >= 0 ? i : headerEnd);
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !int.TryParse(parts[1], out var status) || (status != 101 && status != 200))
        {
            var body = Encoding.UTF8.GetString(head, headerEnd + 4, count - headerEnd - 4);
            throw new DockerApiException($"Docker engine refused exec start: {statusLine} {body}".Trim());
        }

        var leftoverCount = count - headerEnd - 4;
        var leftover = new byte[Math.Max(leftoverCount, 0)];
        Array.Copy(head, headerEnd + 4, leftover, 0, leftoverCount);
        return new ExecStream(socket, leftover, leftoverCount);
    }

    /// <summary>Writes all of <paramref name="data"/> to the process's stdin.</summary>
    public async Task WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await _socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    /// <summary>Signals end of file on stdin.</summary>
    public void CloseStdin()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // The process may already be gone; nothing to close.
        }
    }

    /// <summary>
    /// Reads frames until the process's output ends or <paramref name="limit"/> bytes (stdout plus
    /// stderr) have arrived. Returns true when the limit was passed (the caller stops the process).
    /// </summary>
    public async Task<bool> ReadOutputAsync(Stream stdout, Stream stderr, long limit, CancellationToken cancellationToken)
    {
        long total = 0;
        var header = new byte[8];
        while (true)
        {
            if (!await FillExactAsync(header, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
            var target = header[0] == 2 ? stderr : stdout;
            while (length > 0)
            {
                if (_start == _end && !await ReceiveAsync(cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                var take = (int)Math.Min(length, _end - _start);
                var keep = (int)Math.Clamp(limit - total, 0, take);
                if (keep > 0)
                {
                    await target.WriteAsync(_buffer.AsMemory(_start, keep), cancellationToken).ConfigureAwait(false);
                }

                total += take;
                _start += take;
                length -= (uint)take;
                if (total > limit)
                {
                    return true;
                }
            }
        }
    }

    public void Dispose() => _socket.Dispose();

    private async Task<bool> FillExactAsync(byte[] target, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < target.Length)
        {
            if (_start == _end && !await ReceiveAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            var take = Math.Min(target.Length - filled, _end - _start);
            Array.Copy(_buffer, _start, target, filled, take);
            filled += take;
            _start += take;
        }

        return true;
    }

    private async Task<bool> ReceiveAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await _socket.ReceiveAsync(_buffer.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        return _end > 0;
    }
}
