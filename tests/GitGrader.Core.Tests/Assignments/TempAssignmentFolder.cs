namespace GitGrader.Core.Tests.Assignments;

/// <summary>A fresh assignment folder under the temp directory, deleted on dispose.</summary>
public sealed class TempAssignmentFolder : IDisposable
{
    private readonly string _root;

    public TempAssignmentFolder(string name = "wordcount")
    {
        _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"gitgrader-tests-{Guid.NewGuid():N}");
        Path = System.IO.Path.Combine(_root, name);
        Directory.CreateDirectory(Path);
    }

    /// <summary>The assignment folder.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> to <paramref name="relativePath"/> (folders created), returning the full path.</summary>
    public string Write(string relativePath, string content)
    {
        var fullPath = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, content);
        return fullPath;
    }

    /// <summary>Writes <c>assignment.yml</c>.</summary>
    public string WriteYaml(string content) => Write("assignment.yml", content);

    /// <summary>Writes <c>autograding.json</c>.</summary>
    public string WriteJson(string content) => Write("autograding.json", content);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
