using GitGrader.Core.Grading;
using GitGrader.Core.Sandboxing;
using GitGrader.GitHub.Rest;
using GitGrader.Hosting;
using GitGrader.Ingest;
using GitGrader.Provisioning;
using GitGrader.Reporting;
using GitGrader.Sandbox.Docker;
using GitGrader.Storage;
using GitGrader.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GitGrader.AppTests.Integration;

/// <summary>
/// Every verb builds its services through the same registrations (<see cref="GitGraderServices"/>), and its whole
/// graph resolves: the containers are built with <c>ValidateOnBuild</c>, so a registration whose dependency is
/// missing fails here, not on the first push. Nothing is started; no Docker engine or GitHub is needed.
/// </summary>
public sealed class ServiceGraphTests : IDisposable
{
    private readonly ConfigurationFolder _folder = ConfigurationFolder.Create();

    [Fact]
    public async Task Serve_BuildsAndResolvesTheWebhookEndpointTheWorkerAndEveryHostedService()
    {
        await using var app = await GitGraderHost.BuildServerAsync(Settings(), [], CancellationToken.None);

        Assert.NotNull(app.Services.GetRequiredService<WebhookEndpoint>());
        Assert.NotNull(app.Services.GetRequiredService<JobProcessor>());
        Assert.NotNull(app.Services.GetRequiredService<IGitHubClient>());
        Assert.NotNull(app.Services.GetRequiredService<GitGrader.Web.Invitations.InvitationFlow>());
        var hosted = app.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();
        Assert.Contains(typeof(GradingWorker), hosted);
        Assert.Contains(typeof(CheckRunAnnouncer), hosted);
        Assert.Contains(typeof(SummaryIssuePublisher), hosted);
        Assert.Contains(typeof(StartupChecks), hosted);
        Assert.Contains(typeof(AccessCutoffService), hosted);
        Assert.Single(hosted, t => t == typeof(ImagePreparation));
        Assert.NotNull(app.Services.GetRequiredService<IRepositoryProvisioner>());
    }

    [Fact]
    public async Task Serve_PreparesImagesAtStartOnlyWhereItGrades_AndNotWithPrepareImagesAtStartFalse()
    {
        _folder.Write(config => config["Worker"]!["Enabled"] = false);
        await using (var frontEnd = await GitGraderHost.BuildServerAsync(Settings(), [], CancellationToken.None))
        {
            Assert.DoesNotContain(typeof(ImagePreparation), frontEnd.Services.GetServices<IHostedService>().Select(s => s.GetType()));
        }

        _folder.Write(config => config["Worker"]!["PrepareImagesAtStart"] = false);
        await using (var serve = await GitGraderHost.BuildServerAsync(Settings(), [], CancellationToken.None))
        {
            var hosted = serve.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();
            Assert.Contains(typeof(GradingWorker), hosted);
            Assert.DoesNotContain(typeof(ImagePreparation), hosted);
        }

        using var worker = await GitGraderHost.BuildWorkerAsync(Settings(), CancellationToken.None);
        Assert.DoesNotContain(typeof(ImagePreparation), worker.Services.GetServices<IHostedService>().Select(s => s.GetType()));
    }

    [Fact]
    public async Task Provision_ResolvesTheProvisionerOverGitHubAndAMigratedStoreWithoutDocker()
    {
        using var host = await GitGraderHost.BuildProvisioningAsync(Settings(), CancellationToken.None);

        Assert.NotNull(host.Services.GetRequiredService<IRepositoryProvisioner>());
        Assert.NotNull(host.Services.GetRequiredService<AccessCutoff>());
        Assert.Null(host.Services.GetService<ISandbox>());
        Assert.Empty(host.Services.GetServices<IHostedService>());
    }

    [Fact]
    public async Task Worker_BuildsAndResolvesTheWorkerWithoutTheWebhookFrontEnd()
    {
        _folder.Write(config => config["Worker"]!["Enabled"] = false);

        using var host = await GitGraderHost.BuildWorkerAsync(Settings(), CancellationToken.None);

        var hosted = host.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();
        Assert.Single(hosted, t => t == typeof(GradingWorker));
        Assert.Single(hosted, t => t == typeof(ImagePreparation));
        Assert.DoesNotContain(typeof(CheckRunAnnouncer), hosted);
        Assert.NotNull(host.Services.GetRequiredService<JobProcessor>());
    }

    [Fact]
    public void GradeAndValidate_ResolveTheGraderOverTheDockerSandboxOfTheSameRegistration()
    {
        using var host = GitGraderHost.BuildTool("unix:///nonexistent/docker.sock", verbose: false);

        var grader = host.Services.GetRequiredService<Grader>();
        var sandbox = host.Services.GetRequiredService<DockerSandbox>();

        Assert.NotNull(grader);
        Assert.Same(sandbox, host.Services.GetRequiredService<ISandbox>());
        Assert.Equal("unix:///nonexistent/docker.sock", sandbox.Endpoint);
        Assert.Null(host.Services.GetService<IGradingStore>());
        Assert.Null(host.Services.GetService<IGitHubClient>());
    }

    [Fact]
    public async Task Export_ResolvesTheExporterOverAMigratedStoreWithoutGitHubOrDocker()
    {
        using var host = await GitGraderHost.BuildExportAsync(Settings(), CancellationToken.None);

        var csv = await host.Services.GetRequiredService<GradeBookExporter>().ExportAsync(null, CancellationToken.None);

        Assert.StartsWith(GradeExportWriter.Header, csv, StringComparison.Ordinal);
        Assert.Contains("alice", csv, StringComparison.Ordinal);
        Assert.NotNull(host.Services.GetRequiredService<GitGrader.Classroom.LinkedRoster>());
        Assert.Null(host.Services.GetService<IGitHubClient>());
        Assert.Null(host.Services.GetService<ISandbox>());
    }

    [Fact]
    public void AddGitGrader_RegistersTheSandboxOnce_WhateverVerbAddsItFirst()
    {
        var services = new ServiceCollection();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();

        services.AddGrading(configuration);
        services.AddGrading(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(ISandbox));
        Assert.Single(services, d => d.ServiceType == typeof(Grader));
    }

    public void Dispose() => _folder.Dispose();

    private HostSettings Settings() => new(new FileInfo(_folder.ConfigFile), null, null, false);
}
