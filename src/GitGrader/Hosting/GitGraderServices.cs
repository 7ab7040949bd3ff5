using GitGrader.Classroom;
using GitGrader.Core.Grading;
using GitGrader.Core.Sandboxing;
using GitGrader.GitHub;
using GitGrader.Ingest;
using GitGrader.Reporting;
using GitGrader.Sandbox.Docker;
using GitGrader.Storage;
using GitGrader.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GitGrader.Hosting;

/// <summary>The services of <c>serve</c> and <c>worker</c>; the only place the parts are wired together.</summary>
public static class GitGraderServices
{
    /// <summary>Registers the store, GitHub client, sandbox, course and worker.</summary>
    public static IServiceCollection AddGitGrader(this IServiceCollection services, IConfiguration configuration, Course course)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddGitHubApp(configuration.GetSection(GitHubAppOptions.ConfigurationKey));
        services.AddGradingStore(configuration.GetSection(StorageOptions.ConfigurationKey));
        services.AddOptions<ClassroomOptions>().Bind(configuration.GetSection(ClassroomOptions.ConfigurationKey));
        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.ConfigurationKey)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.ConfigurationKey)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SummaryOptions>().Bind(configuration.GetSection(SummaryOptions.ConfigurationKey));
        services.AddDockerSandbox(configuration.GetSection(DockerOptions.ConfigurationKey));

        services.AddSingleton(course);
        services.AddSingleton(course.Catalog);
        services.AddSingleton<AppIdentity>();
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<DeliveryRouter>();
        services.AddSingleton<WebhookEndpoint>();
        services.AddSingleton<CheckRunKeeper>();
        services.AddSingleton<PullRequestCommenter>();
        services.AddSingleton<CommitFetcher>();
        services.AddSingleton(sp => new Grader(sp.GetRequiredService<ISandbox>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<JobProcessor>();
        services.AddHostedService<StartupChecks>();
        if (configuration.GetSection(WorkerOptions.ConfigurationKey).GetValue(nameof(WorkerOptions.Enabled), true))
        {
            services.AddHostedService<GradingWorker>();
        }

        services.AddHostedService<SummaryIssuePublisher>();
        return services;
    }
}
