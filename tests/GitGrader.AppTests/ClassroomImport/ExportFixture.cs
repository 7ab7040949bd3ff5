using GitGrader.AppTests.Support;

namespace GitGrader.AppTests.ClassroomImport;

/// <summary>
/// A copy of the fixture export (tests/GitGrader.AppTests/ClassroomImport/export, written in the shape
/// classroom-export-utility writes) in a temporary folder, with an output folder beside it; deleted on dispose.
/// </summary>
public sealed class ExportFixture : IDisposable
{
    public static readonly string Source = Path.Combine(RepositoryPaths.Root, "tests", "GitGrader.AppTests", "ClassroomImport", "export");

    public ExportFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "gg-import-" + Guid.NewGuid().ToString("N"));
        Export = Path.Combine(Root, "classroom-export-20261201-120000");
        Output = Path.Combine(Root, "course");
        foreach (var file in Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Export, Path.GetRelativePath(Source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root { get; }

    public string Export { get; }

    public string Output { get; }

    public string Classroom => Path.Combine(Export, "classroom-7001");

    public string InExport(string relative) => Path.Combine(Classroom, relative);

    public void Write(string relative, string text) => File.WriteAllText(InExport(relative), text);

    public string Read(string relativeToOutput) => File.ReadAllText(Path.Combine(Output, relativeToOutput));

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
