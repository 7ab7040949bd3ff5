using GitGrader.Classroom;
using GitGrader.Core.Grading;
using GitGrader.Core.Grading.Dependencies;
using GitGrader.Core.Sandboxing;
using GitGrader.GitHub;
using GitGrader.Ingest;
using GitGrader.Provisioning;
using GitGrader.Reporting;
using GitGrader.Sandbox.Docker;
using GitGrader.Storage;
using GitGrader.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GitGrader.Hosting;

/// <summary>
/// The only place the parts are wired together. Every verb builds its services from these registrations:
/// <c>grade</c> and <c>validate</c> from <see cref="AddGrading"/>, <c>export</c> from <see cref="AddGradeBook"/>,
/// <c>provision</c> from <see cref="AddGradeBook"/>, GitHub and <see cref="AddProvisioning"/>,
/// <c>serve</c> and <c>worker</c> from <see cref="AddGitGrader"/>, which is all of them and the App's own parts.
/// </summary>
public static class GitGraderServices
{
    /// <summary>What grading a submission needs: the Docker sandbox (section <c>Docker</c>), where dependencies are prepared from (section <c>Dependencies</c>) and the <see cref="Grader"/> over them.</summary>
    public static IServiceCollection AddGrading(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDockerSandbox(configuration.GetSection(DockerOptions.ConfigurationKey));
        services.AddOptions<DependencyOptions>().Bind(configuration.GetSection(DependencyOptions.ConfigurationKey)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DependencyOptions>, DependencyOptionsValidator>());
        services.TryAddSingleton(sp => new Grader(sp.GetRequiredService<ISandbox>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<DependencyOptions>>().Value));
        return services;
    }

    /// <summary>What reading the grade book needs: the course (assignments and roster), the store (section <c>Storage</c>), the roster with its claims (<see cref="LinkedRoster"/>) and the exporter.</summary>
    public static IServiceCollection AddGradeBook(this IServiceCollection services, IConfiguration configuration, Course course)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(course);
        services.TryAddSingleton(TimeProvider.System);
        services.AddGradingStore(configuration.GetSection(StorageOptions.ConfigurationKey));
        services.AddOptions<ClassroomOptions>().Bind(configuration.GetSection(ClassroomOptions.ConfigurationKey));
        services.TryAddSingleton(course);
        services.TryAddSingleton(course.Catalog);
        services.TryAddSingleton<LinkedRoster>();
        services.TryAddSingleton<GradeBookExporter>();
        return services;
    }

    /// <summary>
    /// What making students' repositories needs (<c>provision</c>, and <c>serve</c> for the invitation page and the cut-off),
    /// over the grade book (<see cref="AddGradeBook"/>) and GitHub (<c>AddGitHubApp</c>), which the caller registers once:
    /// <see cref="IRepositoryProvisioner"/> and the cut-off (section <c>Provisioning</c>).
    /// </summary>
    public static IServiceCollection AddProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ProvisioningOptions>().Bind(configuration.GetSection(ProvisioningOptions.ConfigurationKey));
        services.TryAddSingleton<StarterCommits>();
        services.TryAddKeyedSingleton(AccessCutoff.ClockKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton<AccessCutoff>();
        services.TryAddSingleton<IRepositoryProvisioner, RepositoryProvisioner>();
        return services;
    }

    /// <summary>The GitHub App (<c>serve</c> and <c>worker</c>): grading and the grade book, plus GitHub, ingest, the worker and the reporters.</summary>
    public static IServiceCollection AddGitGrader(this IServiceCollection services, IConfiguration configuration, Course course)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddGrading(configuration);
        services.AddGradeBook(configuration, course);
        services.AddGitHubApp(configuration.GetSection(GitHubAppOptions.ConfigurationKey));
        services.AddProvisioning(configuration);
        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.ConfigurationKey)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.ConfigurationKey)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SummaryOptions>().Bind(configuration.GetSection(SummaryOptions.ConfigurationKey));

        services.AddSingleton<AppIdentity>();
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<DeliveryRouter>();
        services.AddSingleton<WebhookEndpoint>();
        services.AddSingleton<ReservedCreation>();
        services.AddSingleton<CheckRunKeeper>();
        services.AddSingleton<PullRequestCommenter>();
        services.AddSingleton<CommitFetcher>();
        services.TryAddKeyedSingleton(FeedbackGate.ClockKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.AddSingleton<FeedbackGate>();
        services.AddSingleton<JobFailurePolicy>();
        services.AddSingleton<JobCheckRun>();
        services.AddSingleton<IJobHandler, GradeJobHandler>();
        services.AddSingleton<IJobHandler, ReportJobHandler>();
        services.AddSingleton<JobProcessor>();
        services.AddSingleton<LeaseRecovery>();
        services.AddHostedService<StartupChecks>();
        if (configuration.GetSection(WorkerOptions.ConfigurationKey).GetValue(nameof(WorkerOptions.Enabled), true))
        {
            services.AddHostedService<GradingWorker>();
            services.AddImagePreparation(configuration);
        }

        services.AddHostedService<SummaryIssuePublisher>();
        return services;
    }

    /// <summary>
    /// The building of every assignment's prepared image at start (<see cref="ImagePreparation"/>), for a process that
    /// grades, unless <c>Worker:PrepareImagesAtStart</c> is false. Registered once however often it is called.
    /// </summary>
    public static IServiceCollection AddImagePreparation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetSection(WorkerOptions.ConfigurationKey).GetValue(nameof(WorkerOptions.PrepareImagesAtStart), true))
        {
            services.AddHostedService<ImagePreparation>();
        }

        return services;
    }
}
