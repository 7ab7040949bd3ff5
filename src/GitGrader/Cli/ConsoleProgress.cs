namespace GitGrader.Cli;

/// <summary>Reports progress synchronously, so lines appear in order, before the report (unlike <see cref="Progress{T}"/>, which posts).</summary>
internal sealed class ConsoleProgress : IProgress<string>
{
    private readonly Action<string> _write;

    public ConsoleProgress(Action<string> write)
    {
        _write = write;
    }

    public void Report(string value) => _write(value);
}
