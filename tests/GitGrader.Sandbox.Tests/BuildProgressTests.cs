using Docker.DotNet.Models;
using GitGrader.Sandbox.Engine.DockerDotNet;

namespace GitGrader.Sandbox.Tests;

/// <summary>An image build's messages, as the engine streams them.</summary>
public sealed class BuildProgressTests
{
    [Fact]
    public void Report_SplitsStreamTextIntoLines_AndKeepsTheFirstError()
    {
        var lines = new List<string>();
        var progress = new BuildProgress(lines.Add);

        progress.Report(new JSONMessage { Stream = "Step 1/2 : FROM base\n ---> 3f71f8232955\n" });
        progress.Report(new JSONMessage { Status = "Downloading" });
        progress.Report(new JSONMessage { Error = new JSONError { Message = "The command returned a non-zero code: 1\n" } });
        progress.Report(new JSONMessage { Error = new JSONError { Message = "later" } });

        Assert.Equal(["Step 1/2 : FROM base", " ---> 3f71f8232955"], lines);
        Assert.Equal("The command returned a non-zero code: 1", progress.Error);
    }
}
