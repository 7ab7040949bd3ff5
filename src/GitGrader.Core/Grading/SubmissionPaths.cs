using System.Text;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Grading;

/// <summary>Which submission paths a sandbox can hold: Linux refuses a path past <c>PATH_MAX</c> and a name past <c>NAME_MAX</c>.</summary>
public static class SubmissionPaths
{
    /// <summary><c>PATH_MAX</c>, counting the terminating NUL.</summary>
    public const int MaxPathBytes = 4096;

    /// <summary><c>NAME_MAX</c>.</summary>
    public const int MaxNameBytes = 255;

    private const int ShownChars = 120;

    /// <summary>Whether <paramref name="relativePath"/> (in the working copy, forward slashes) is too long to stage.</summary>
    public static bool TooLong(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return Encoding.UTF8.GetByteCount(relativePath) + SandboxPaths.Submission.Length + 2 > MaxPathBytes
            || relativePath.Split('/').Any(name => Encoding.UTF8.GetByteCount(name) > MaxNameBytes);
    }

    /// <summary>Whether a host path (a folder to enumerate) leaves room for a name below it.</summary>
    public static bool FitsOnHost(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        return Encoding.UTF8.GetByteCount(fullPath) + 1 + MaxNameBytes < MaxPathBytes;
    }

    /// <summary>The start and end of a long path, for a note.</summary>
    public static string Shorten(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Length <= ShownChars ? path : path[..(ShownChars / 2)] + "…" + path[^(ShownChars / 2)..];
    }
}
