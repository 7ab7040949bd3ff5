using GitGrader.Core.Sandboxing;
using GitGrader.Sandbox.Docker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GitGrader.Sandbox.Tests;

/// <summary><see cref="DockerSandboxServiceCollectionExtensions.AddDockerSandbox"/> and the endpoint it accepts.</summary>
public sealed class DockerSandboxRegistrationTests
{
    [Fact]
    public void AddDockerSandbox_ResolvesOneSandboxForTheConfiguredEndpoint()
    {
        using var provider = Provider(new() { ["Docker:Endpoint"] = "tcp://127.0.0.1:2375", ["Docker:RequestTimeout"] = "00:00:05" });

        var sandbox = provider.GetRequiredService<DockerSandbox>();

        Assert.Same(sandbox, provider.GetRequiredService<ISandbox>());
        Assert.Equal("tcp://127.0.0.1:2375", sandbox.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(5), provider.GetRequiredService<IOptions<DockerOptions>>().Value.RequestTimeout);
    }

    [Fact]
    public void AddDockerSandbox_BadSettings_FailNamingEachKeyAndValue()
    {
        using var provider = Provider(new() { ["Docker:Endpoint"] = "http://localhost:2375", ["Docker:ApiVersion"] = "latest", ["Docker:RequestTimeout"] = "00:00:00" });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DockerOptions>>().Value);

        Assert.Contains("Docker:Endpoint: Docker endpoint 'http://localhost:2375' is not understood; use unix:///path/to/docker.sock or tcp://host:port.", failure.Failures);
        Assert.Contains(failure.Failures, f => f.StartsWith("Docker:ApiVersion 'latest'", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Docker:RequestTimeout '00:00:00'", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDockerSandbox_Runtime_ReachesTheSandbox()
    {
        using var provider = Provider(new() { ["Docker:Runtime"] = "runsc" });

        Assert.Equal("runsc", provider.GetRequiredService<DockerSandbox>().Runtime);
    }

    [Theory]
    [InlineData("")]
    [InlineData("runsc")]
    [InlineData("io.containerd.runc.v2")]
    [InlineData("runsc-kvm_2")]
    public void Runtime_NamesTheEngineAccepts_AreValid(string runtime)
    {
        Assert.True(DockerOptionsValidator.IsValidRuntimeName(runtime));
    }

    [Theory]
    [InlineData("run sc")]
    [InlineData("/usr/bin/runsc")]
    [InlineData("-runsc")]
    [InlineData("runsc;rm")]
    [InlineData(" runsc")]
    public void Runtime_BadName_FailsNamingTheKey(string runtime)
    {
        using var provider = Provider(new() { ["Docker:Runtime"] = runtime });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DockerOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.StartsWith($"Docker:Runtime '{runtime}' is not a runtime name: give the name the engine registered it with", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unix:///var/run/docker.sock", true)]
    [InlineData("unix:///run/user/1000/docker.sock", true)]
    [InlineData("tcp://127.0.0.1:2375", true)]
    [InlineData("tcp://docker-host:2376", true)]
    [InlineData("unix://", false)]
    [InlineData("tcp://", false)]
    [InlineData("tcp://host:2375/path", false)]
    [InlineData("http://localhost:2375", false)]
    [InlineData("npipe://./pipe/docker_engine", false)]
    [InlineData("/var/run/docker.sock", false)]
    [InlineData("", false)]
    public void TryParse_AcceptsUnixSocketsAndTcpHosts(string endpoint, bool valid)
    {
        Assert.Equal(valid, DockerEndpoint.TryParse(endpoint, out _));
    }

    [Fact]
    public void Create_AnEndpointNotUnderstood_IsASandboxExceptionWithTheFix()
    {
        var failure = Assert.Throws<SandboxException>(() => DockerSandbox.Create("localhost:2375"));

        Assert.Equal("Docker endpoint 'localhost:2375' is not understood; use unix:///path/to/docker.sock or tcp://host:port.", failure.Message);
        Assert.Contains("--docker-host", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BadOptions_IsASandboxExceptionNamingTheKey()
    {
        var failure = Assert.Throws<SandboxException>(() => DockerSandbox.Create(new DockerOptions { ApiVersion = "newest" }));

        Assert.StartsWith("Docker:ApiVersion 'newest' is not a version", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("1.41", "1.41")]
    [InlineData("v1.44", "1.44")]
    public void ApiVersion_EmptyMeansUnversionedPaths(string configured, string? expected)
    {
        Assert.Equal(expected, DockerEndpoint.ApiVersion(configured)?.ToString());
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddDockerSandbox(configuration.GetSection(DockerOptions.ConfigurationKey)).BuildServiceProvider();
    }
}
