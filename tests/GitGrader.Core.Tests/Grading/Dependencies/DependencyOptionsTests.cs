using GitGrader.Core.Grading.Dependencies;

namespace GitGrader.Core.Tests.Grading.Dependencies;

public sealed class DependencyOptionsTests
{
    [Fact]
    public void Problems_NoneForTheDefault_OrForAbsoluteHttpAndHttpsUrls()
    {
        Assert.Empty(DependencyOptions.Default.Problems("Dependencies"));
        Assert.Empty(new DependencyOptions { MavenMirror = "https://nexus.example.edu/repository/maven-public/", PipIndexUrl = "http://127.0.0.1:8080/simple" }.Problems("Dependencies"));
    }

    [Theory]
    [InlineData("nexus.example.edu/maven")]
    [InlineData("ftp://nexus.example.edu/maven")]
    [InlineData("file:///srv/maven")]
    [InlineData("https://nexus.example.edu/a b")]
    [InlineData("https://nexus.example.edu/x'y")]
    public void Problems_NameTheKeyAndTheValue(string url)
    {
        var problems = new DependencyOptions { MavenMirror = url, PipIndexUrl = url }.Problems("Dependencies");

        Assert.Equal(2, problems.Count);
        Assert.StartsWith($"Dependencies:MavenMirror '{url}' ", problems[0], StringComparison.Ordinal);
        Assert.StartsWith($"Dependencies:PipIndexUrl '{url}' ", problems[1], StringComparison.Ordinal);
    }
}
