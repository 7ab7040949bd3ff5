using System.Text;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading.Dependencies;
using GitGrader.Core.Tests.Grading;

namespace GitGrader.Core.Tests.Grading.Dependencies;

public sealed class PreparedImageTests : IDisposable
{
    private readonly GradingScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Assignment Assignment(string? setup) => new()
    {
        Slug = "Lab 4",
        Name = "Lab 4",
        Image = "gitgrader/classroom:latest",
        Directory = _folder.PathOf("lab4"),
        Tests = [new TestDefinition { Name = "Jest", Kind = TestKind.Run, Run = "npx jest", Setup = setup }],
    };

    [Fact]
    public async Task RecipeAsync_NoInstall_NeedsNoImage()
    {
        _folder.Write("lab4/solution/package.json", "{}");

        Assert.Null(await PreparedImage.RecipeAsync(Assignment("chmod +x run.sh"), CancellationToken.None));
    }

    [Fact]
    public async Task RecipeAsync_TakesOnlyTheSolutionsManifests_NeverOtherFiles_AndIsNamedByThem()
    {
        _folder.Write("lab4/solution/package.json", "{\"devDependencies\": {\"jest\": \"29\"}}");
        _folder.Write("lab4/solution/index.js", "module.exports = 1;");
        _folder.Write("lab4/starter/package.json", "{\"starter\": true}");

        var recipe = (await PreparedImage.RecipeAsync(Assignment("npm ci"), _folder.PathOf("no-authorities"), CancellationToken.None))!;

        Assert.Equal("gitgrader-prepared/lab-4", recipe.Repository);
        Assert.Equal("gitgrader/classroom:latest", recipe.BaseImage);
        Assert.Equal(
            ["Dockerfile", "prepare", "prepare/files", "prepare/files/package.json", "prepare/prepare.sh"],
            recipe.Context.Entries.Select(e => e.RelativePath).Order(StringComparer.Ordinal));
        Assert.Contains("devDependencies", Encoding.UTF8.GetString(recipe.Context.Entries.Single(e => e.RelativePath == "prepare/files/package.json").Content!.Value.Span), StringComparison.Ordinal);
        Assert.StartsWith("FROM gitgrader/classroom:latest\nUSER root\n", recipe.Dockerfile, StringComparison.Ordinal);

        var same = (await PreparedImage.RecipeAsync(Assignment("npm ci"), _folder.PathOf("no-authorities"), CancellationToken.None))!;
        _folder.Write("lab4/solution/package.json", "{\"devDependencies\": {\"jest\": \"30\"}}");
        var changed = (await PreparedImage.RecipeAsync(Assignment("npm ci"), _folder.PathOf("no-authorities"), CancellationToken.None))!;
        Assert.Equal(recipe.ContentHash, same.ContentHash);
        Assert.NotEqual(recipe.ContentHash, changed.ContentHash);
    }

    [Fact]
    public async Task RecipeAsync_TrustsTheHostsLocalCertificateAuthorities_ForAProxy()
    {
        _folder.Write("lab4/solution/package.json", "{}");
        _folder.Write("authorities/proxy.crt", "-----BEGIN CERTIFICATE-----\n");
        _folder.Write("authorities/readme.txt", "not a certificate");

        var recipe = (await PreparedImage.RecipeAsync(Assignment("npm ci"), _folder.PathOf("authorities"), CancellationToken.None))!;

        Assert.Contains(recipe.Context.Entries, e => e.RelativePath == "prepare/ca/proxy.crt");
        Assert.DoesNotContain(recipe.Context.Entries, e => e.RelativePath == "prepare/ca/readme.txt");
        Assert.Contains("update-ca-certificates", Encoding.UTF8.GetString(recipe.Context.Entries.Single(e => e.RelativePath == "prepare/prepare.sh").Content!.Value.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Script_RunsEachInstallNamedForItsFailure_ThenSetsNpmAndMavenOffline()
    {
        var script = PreparedImage.Script(
        [
            new DependencyInstall(DependencyManager.Apt, "apt-get install -y bc", "the setup of test 'Calc'"),
            new DependencyInstall(DependencyManager.Npm, "npm ci", "the assignment's setup"),
            new DependencyInstall(DependencyManager.Maven, "mvn -B test", "the setup of test 'JUnit'"),
        ]);

        Assert.Contains("install 'the package lists' 'apt-get update -q'\n", script, StringComparison.Ordinal);
        Assert.Contains("install 'the setup of test '\\''Calc'\\''' 'apt-get install -y bc'\n", script, StringComparison.Ordinal);
        Assert.Contains("install 'the assignment'\\''s setup' 'npm ci'\n", script, StringComparison.Ordinal);
        Assert.Contains("'cd /opt/gitgrader/prepare/build && mvn -B test -Dmaven.test.failure.ignore=true -DfailIfNoTests=false -Dsurefire.failIfNoSpecifiedTests=false'", script, StringComparison.Ordinal);
        Assert.DoesNotContain("go-offline", script, StringComparison.Ordinal);
        Assert.Contains("rm -rf /opt/gitgrader/prepare/build\n", script, StringComparison.Ordinal);
        Assert.Contains("--offline", script, StringComparison.Ordinal);
        Assert.DoesNotContain("<mirror>", script, StringComparison.Ordinal);
        Assert.DoesNotContain("PIP_INDEX_URL", script, StringComparison.Ordinal);
        Assert.Contains("echo \"gitgrader: the dependency install '$*' ($where) failed with exit status $status\"", script, StringComparison.Ordinal);
        Assert.Contains("'offline=true'", script, StringComparison.Ordinal);
        Assert.Contains("cp -a /opt/gitgrader/npm-cache /tmp/.gitgrader-npm-cache", script, StringComparison.Ordinal);
        Assert.Contains("<offline>true</offline>", script, StringComparison.Ordinal);
        Assert.True(script.IndexOf("'npm ci'", StringComparison.Ordinal) < script.IndexOf("'offline=true'", StringComparison.Ordinal));
    }

    [Fact]
    public void Script_UsesTheConfiguredMirrors_MavenAsTheMirrorOfEveryRepository_PipTrustingAPlainHttpIndex()
    {
        var options = new DependencyOptions { MavenMirror = "https://nexus.example.edu/repository/maven-public/", PipIndexUrl = "http://devpi.example.edu:3141/root/pypi/+simple/" };

        var script = PreparedImage.Script(
        [
            new DependencyInstall(DependencyManager.Pip, "pip install -r requirements.txt", "the assignment's setup"),
            new DependencyInstall(DependencyManager.Maven, "mvn -B -q test -Dtest=StackTest", "the command of test 'Stack'"),
        ], options);

        Assert.Contains("<mirror><id>gitgrader-mirror</id><mirrorOf>*</mirrorOf><url>https://nexus.example.edu/repository/maven-public/</url></mirror>", script, StringComparison.Ordinal);
        Assert.Contains("export PIP_INDEX_URL='http://devpi.example.edu:3141/root/pypi/+simple/'\n", script, StringComparison.Ordinal);
        Assert.Contains("export PIP_TRUSTED_HOST='devpi.example.edu'\n", script, StringComparison.Ordinal);
        Assert.Contains("mvn -B -q test -Dtest=StackTest -Dmaven.test.failure.ignore=true", script, StringComparison.Ordinal);
        // The mirror is for preparing only: the settings grading reads are offline, with no mirror.
        var offline = script[script.LastIndexOf("<settings>", StringComparison.Ordinal)..];
        Assert.StartsWith("<settings><localRepository>/tmp/.gitgrader-m2</localRepository><offline>true</offline></settings>", offline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecipeAsync_AChangedMirror_ChangesTheHash_OnlyForTheManagersItServes()
    {
        _folder.Write("lab4/solution/pom.xml", "<project/>");
        var maven = Assignment("mvn -B test");
        var npm = Assignment("npm ci");
        var none = _folder.PathOf("no-authorities");
        var central = new DependencyOptions();
        var nexus = new DependencyOptions { MavenMirror = "https://nexus.example.edu/maven/" };
        var other = new DependencyOptions { MavenMirror = "https://nexus.example.edu/maven-other/", PipIndexUrl = "https://nexus.example.edu/pypi/simple" };

        var mavenHashes = new List<string>();
        var npmHashes = new List<string>();
        foreach (var options in new[] { central, nexus, other })
        {
            mavenHashes.Add((await PreparedImage.RecipeAsync(maven, options, none, CancellationToken.None))!.ContentHash);
            npmHashes.Add((await PreparedImage.RecipeAsync(npm, options, none, CancellationToken.None))!.ContentHash);
        }

        Assert.Equal(3, mavenHashes.Distinct().Count());
        Assert.Single(npmHashes.Distinct());
        Assert.Equal(mavenHashes[1], (await PreparedImage.RecipeAsync(maven, nexus, none, CancellationToken.None))!.ContentHash);
    }

    [Fact]
    public async Task RecipeAsync_Maven_TakesTheInstructorsWholeBuild_WithTheHiddenTestsLaidOver_NotTarget()
    {
        _folder.Write("lab4/solution/pom.xml", "<project/>");
        _folder.Write("lab4/solution/src/main/java/Stack.java", "class Stack {}");
        _folder.Write("lab4/solution/target/classes/Stack.class", "compiled");
        _folder.Write("lab4/hidden/src/test/java/StackTest.java", "class StackTest {}");

        var recipe = (await PreparedImage.RecipeAsync(Assignment("mvn -B test"), _folder.PathOf("no-authorities"), CancellationToken.None))!;
        var files = recipe.Context.Entries.Where(e => e.Content is not null).Select(e => e.RelativePath).ToList();

        Assert.Contains("prepare/build/pom.xml", files);
        Assert.Contains("prepare/build/src/main/java/Stack.java", files);
        Assert.Contains("prepare/build/src/test/java/StackTest.java", files);
        Assert.DoesNotContain(files, f => f.Contains("target", StringComparison.Ordinal));

        _folder.Write("lab4/hidden/src/test/java/StackTest.java", "class StackTest { int changed; }");
        var changed = (await PreparedImage.RecipeAsync(Assignment("mvn -B test"), _folder.PathOf("no-authorities"), CancellationToken.None))!;
        Assert.NotEqual(recipe.ContentHash, changed.ContentHash);
    }
}
