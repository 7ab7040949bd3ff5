using System.Text;

namespace GitGrader.IntegrationTests.Support;

/// <summary>An assignment folder and a submission folder in a fresh temporary directory, removed on dispose.</summary>
public sealed class Scenario : IDisposable
{
    public Scenario()
    {
        Root = Directory.CreateTempSubdirectory("gitgrader-it-").FullName;
        AssignmentDirectory = Directory.CreateDirectory(Path.Combine(Root, "assignment")).FullName;
        SubmissionDirectory = Directory.CreateDirectory(Path.Combine(Root, "submission")).FullName;
    }

    public string Root { get; }

    public string AssignmentDirectory { get; }

    public string SubmissionDirectory { get; }

    public Scenario Assignment(string yaml) => Write(AssignmentDirectory, "assignment.yml", yaml);

    public Scenario Hidden(string relativePath, string content) => Write(AssignmentDirectory, Path.Combine("hidden", relativePath), content);

    public Scenario Autograder(string relativePath, string content) => Write(AssignmentDirectory, Path.Combine("autograder", relativePath), content);

    public Scenario Submission(string relativePath, string content) => Write(SubmissionDirectory, relativePath, content);

    public Scenario AssignmentFile(string relativePath, string content) => Write(AssignmentDirectory, relativePath, content);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Scenario Write(string baseDirectory, string relativePath, string content)
    {
        var path = Path.Combine(baseDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return this;
    }
}
