using GitGrader.Sandbox.Engine;

namespace GitGrader.Sandbox.Tests.Fakes;

/// <summary>An exec's streams as <see cref="FakeExec"/> says.</summary>
internal sealed class FakeExecStream : IExecStream
{
    private static readonly byte[] Flood = new byte[64 * 1024];
    private readonly FakeExec _exec;
    private int _next;
    private int _offset;

    public FakeExecStream(FakeExec exec) => _exec = exec;

    public async Task WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (_exec.NeverReadsStdin)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        await _exec.Stdin.WriteAsync(data, cancellationToken);
    }

    public void CloseStdin() => _exec.StdinClosed = true;

    public async Task<ExecOutputChunk> ReadOutputAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        if (_exec.Floods)
        {
            var count = Math.Min(buffer.Length, Flood.Length);
            Flood.AsSpan(0, count).CopyTo(buffer);
            return new ExecOutputChunk(ExecOutputStream.Stdout, count);
        }

        if (_next < _exec.Output.Count)
        {
            var (stream, bytes) = _exec.Output[_next];
            var count = Math.Min(buffer.Length, bytes.Length - _offset);
            bytes.AsSpan(_offset, count).CopyTo(buffer);
            _offset += count;
            if (_offset == bytes.Length)
            {
                _next++;
                _offset = 0;
            }

            return new ExecOutputChunk(stream, count);
        }

        if (_exec.Hangs)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return ExecOutputChunk.End;
    }

    public void Dispose() => _exec.StreamDisposed = true;
}
