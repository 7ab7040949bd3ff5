using Docker.DotNet.Models;

namespace GitGrader.Sandbox.Engine.DockerDotNet;

/// <summary>
/// Receives an image build's messages as they are read (synchronously, unlike <see cref="Progress{T}"/>):
/// output lines go on, the first error is kept. The library does not fail a build whose step failed; the
/// error comes as a message in the stream.
/// </summary>
internal sealed class BuildProgress : IProgress<JSONMessage>
{
    private readonly Action<string> _onOutput;

    public BuildProgress(Action<string> onOutput) => _onOutput = onOutput;

    /// <summary>The build's error, if it reported one.</summary>
    public string? Error { get; private set; }

    public void Report(JSONMessage value)
    {
        if (value?.Error?.Message is { Length: > 0 } error)
        {
            Error ??= error.Trim();
            return;
        }

        if (value?.Stream is { } text)
        {
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                _onOutput(line.TrimEnd());
            }
        }
    }
}
