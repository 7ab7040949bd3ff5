namespace GitGrader.Worker;

/// <summary>Reads git's raw output: records up to a delimiter (NUL, newline) and blobs of a known length.</summary>
internal sealed class GitOutputReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>The bytes before the next <paramref name="delimiter"/> (which is consumed); null at the end of the output.</summary>
    public async ValueTask<byte[]?> ReadToAsync(byte delimiter, CancellationToken cancellationToken)
    {
        List<byte[]>? parts = null;
        while (true)
        {
            var found = Array.IndexOf(_buffer, delimiter, _start, _end - _start);
            if (found >= 0)
            {
                var last = _buffer[_start..found];
                _start = found + 1;
                return parts is null ? last : [.. parts.SelectMany(p => p), .. last];
            }

            if (_end > _start)
            {
                (parts ??= []).Add(_buffer[_start.._end]);
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return parts is null ? null : throw new EndOfStreamException("git's output ended inside a record.");
            }
        }
    }

    /// <summary>Exactly <paramref name="count"/> bytes.</summary>
    /// <exception cref="EndOfStreamException">The output ended first.</exception>
    public async ValueTask<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var taken = Math.Min(count, _end - _start);
        _buffer.AsSpan(_start, taken).CopyTo(result);
        _start += taken;
        if (taken < count)
        {
            await stream.ReadExactlyAsync(result.AsMemory(taken), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        return _end > 0;
    }
}
