using System.Diagnostics;

namespace GitGrader.Core.Tests.Grading;

/// <summary>A fresh folder under the temp directory for reader tests, deleted on dispose.</summary>
public sealed class GradingScratchFolder : IDisposable
{
    /// <param name="inMemory">Under <c>/dev/shm</c> where it exists (for tests that make 100,000s of entries).</param>
    public GradingScratchFolder(bool inMemory = false)
    {
        var parent = inMemory && Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        Root = Path.Combine(parent, $"gitgrader-grading-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder.</summary>
    public string Root { get; }

    /// <summary>The full path of <paramref name="relativePath"/>.</summary>
    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>Writes <paramref name="content"/> to <paramref name="relativePath"/> (folders created), returning the full path.</summary>
    public string Write(string relativePath, string content)
    {
        var fullPath = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, content);
        return fullPath;
    }

    /// <summary>Writes <paramref name="size"/> zero bytes to <paramref name="relativePath"/>.</summary>
    public string WriteBytes(string relativePath, int size)
    {
        var fullPath = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        File.WriteAllBytes(fullPath, new byte[size]);
        return fullPath;
    }

    /// <summary>Sets the file's mode to rwx------ or rw------- (a no-op on Windows).</summary>
    public static void SetExecutable(string fullPath, bool executable)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        File.SetUnixFileMode(fullPath, executable ? mode | UnixFileMode.UserExecute : mode);
    }

    /// <summary>Creates a named pipe with <c>mkfifo</c>.</summary>
    public string MakeFifo(string relativePath)
    {
        var fullPath = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [fullPath]) { UseShellExecute = false })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"mkfifo exited with {process.ExitCode}.");
        }

        return fullPath;
    }

    public void Dispose()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A name .NET cannot round-trip (not valid UTF-8) defeats Directory.Delete; rm takes bytes.
            using var rm = Process.Start(new ProcessStartInfo("rm", ["-rf", Root]) { UseShellExecute = false })!;
            rm.WaitForExit();
        }
    }
}
