using GitGrader.Core.Assignments;
using GitGrader.Core.Grading.Dependencies;

namespace GitGrader.Core.Tests.Grading.Dependencies;

public sealed class DependencyScannerTests
{
    [Theory]
    [InlineData("npm install", DependencyManager.Npm)]
    [InlineData("npm ci", DependencyManager.Npm)]
    [InlineData("npm i jest@29", DependencyManager.Npm)]
    [InlineData("sudo -H pip3 install pytest", DependencyManager.Pip)]
    [InlineData("pip install -r requirements.txt", DependencyManager.Pip)]
    [InlineData("python3 -m pip install numpy", DependencyManager.Pip)]
    [InlineData("sudo apt-get install -y libncurses-dev", DependencyManager.Apt)]
    [InlineData("apt-get -y install valgrind", DependencyManager.Apt)]
    [InlineData("sudo -u root apt install cowsay", DependencyManager.Apt)]
    [InlineData("mvn -B test", DependencyManager.Maven)]
    [InlineData("CI=true npm ci", DependencyManager.Npm)]
    public void Classify_Installs(string command, DependencyManager manager)
    {
        Assert.Equal(manager, DependencyScanner.Classify(command));
    }

    [Theory]
    [InlineData("npm test")]
    [InlineData("npx jest")]
    [InlineData("pip list")]
    [InlineData("apt-get update")]
    [InlineData("make")]
    [InlineData("python3 -m pytest")]
    public void Classify_NotAnInstall(string command)
    {
        Assert.Null(DependencyScanner.Classify(command));
    }

    [Fact]
    public void Scan_FindsEachInstallOfTheSetups_InOrder_Once_WithoutSudo()
    {
        var assignment = new Assignment
        {
            Slug = "a",
            Name = "a",
            Image = "gitgrader/classroom:latest",
            Directory = "/nowhere",
            Setup = "set -e\nnpm ci\nnpm run build",
            Tests =
            [
                new TestDefinition { Name = "Jest", Kind = TestKind.Run, Run = "npx jest", Setup = "npm ci && chmod +x run.sh" },
                new TestDefinition { Name = "Py", Kind = TestKind.Run, Run = "pytest", Setup = "sudo -H pip3 install pytest; sudo apt-get update; sudo apt-get install -y bc" },
            ],
        };

        var installs = DependencyScanner.Scan(assignment);

        Assert.Equal(
            [(DependencyManager.Npm, "npm ci", "the assignment's setup"), (DependencyManager.Pip, "pip3 install pytest", "the setup of test 'Py'"), (DependencyManager.Apt, "apt-get install -y bc", "the setup of test 'Py'")],
            installs.Select(i => (i.Manager, i.Command, i.Where)));
    }

    [Fact]
    public void Scan_AMavenBuildInATestsCommand_NeedsMavenPreparation_ButNoOtherCommandDoes()
    {
        var assignment = new Assignment
        {
            Slug = "stack",
            Name = "Stack",
            Image = "gitgrader/classroom:latest",
            Directory = "/nowhere",
            Tests =
            [
                new TestDefinition { Name = "Push and pop", Kind = TestKind.Run, Run = "mvn -B -q test -Dtest=PushPopTest" },
                new TestDefinition { Name = "Jest", Kind = TestKind.Run, Run = "npm install && npx jest" },
                new TestDefinition { Name = "Peek", Kind = TestKind.Run, Setup = "pip install -r requirements.txt", Run = "cd app && mvn -B -q test -Dtest=PeekTest" },
            ],
        };

        var installs = DependencyScanner.Scan(assignment);

        Assert.Equal(
            [
                new DependencyInstall(DependencyManager.Pip, "pip install -r requirements.txt", "the setup of test 'Peek'"),
                new DependencyInstall(DependencyManager.Maven, "mvn -B -q test -Dtest=PushPopTest", "the command of test 'Push and pop'"),
                new DependencyInstall(DependencyManager.Maven, "mvn -B -q test -Dtest=PeekTest", "the command of test 'Peek'"),
            ],
            installs);
    }
}
