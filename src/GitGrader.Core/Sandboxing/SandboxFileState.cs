namespace GitGrader.Core.Sandboxing;

/// <summary>Outcome of reading a file back from a sandbox.</summary>
public enum SandboxFileState
{
    /// <summary>Read whole.</summary>
    Read,

    /// <summary>Nothing at that path.</summary>
    Missing,

    /// <summary>Something other than a regular file (a link, a folder, a device).</summary>
    NotRegularFile,

    /// <summary>Larger than the limit; not read.</summary>
    TooLarge,
}
