namespace GitGrader.Sandbox.Engine.DockerDotNet;

/// <summary>
/// Keeps the last value a library call reports, synchronously (<see cref="Progress{T}"/> would post it to the
/// thread pool, after the call has returned).
/// </summary>
internal sealed class LastReport<T> : IProgress<T>
{
    public T? Value { get; private set; }

    public void Report(T value) => Value = value;
}
