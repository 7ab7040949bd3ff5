using GitGrader.Classroom;
using GitGrader.GitHub;
using GitGrader.Ingest;
using GitGrader.Recovery;
using GitGrader.Reporting;
using GitGrader.Sandbox.Docker;
using GitGrader.Storage;
using GitGrader.Web.Invitations;
using GitGrader.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Hosting;

/// <summary>Builds the processes: <c>serve</c> (webhooks, invitation links, check-run announcer, worker, summaries) and <c>worker</c> (worker and summaries only).</summary>
public static class GitGraderHost
{
    /// <summary>Webhook path, as set in the App's settings.</summary>
    public const string WebhookPath = "/webhooks/github";

    /// <summary>Builds the web server of <c>serve</c>, with the store migrated; <paramref name="overrides"/> (tests only) changes registrations last.</summary>
    public static async Task<WebApplication> BuildServerAsync(HostSettings settings, string[] urls, CancellationToken cancellationToken, Action<IServiceCollection>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // No reload of appsettings.json on change: its watcher covers the whole working directory, where the SQLite database
        // usually lives, so every write of the WAL woke a watcher thread (about a tenth of serve's CPU per webhook).
        // GitGrader's own configuration file is read once too.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"], ContentRootPath = Directory.GetCurrentDirectory() });
        GitGraderConfiguration.AddSources(builder.Configuration, settings);
        ConfigureLogging(builder.Logging, settings.Verbose);
        if (urls.Length > 0)
        {
            builder.WebHost.UseUrls(urls);
        }

        builder.Host.UseDefaultServiceProvider(Checked);
        var course = await LoadCourseAsync(builder.Configuration, cancellationToken).ConfigureAwait(false);
        builder.Services.AddGitGrader(builder.Configuration, course);
        builder.Services.AddHostedService<CheckRunAnnouncer>();
        builder.Services.AddOptions<QueuePositionOptions>().Bind(builder.Configuration.GetSection(QueuePositionOptions.ConfigurationKey)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<QueuePositionPublisher>();
        builder.Services.AddOptions<RecoveryOptions>().Bind(builder.Configuration.GetSection(RecoveryOptions.ConfigurationKey)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DeliveryRecovery>();
        builder.Services.AddSingleton<BranchSweep>();
        builder.Services.AddHostedService<DeliveryRecoveryService>();
        builder.Services.AddHostedService<Provisioning.AccessCutoffService>();
        builder.Services.AddInvitations(builder.Configuration);
        overrides?.Invoke(builder.Services);

        var app = builder.Build();
        ValidateOptions(app.Services);
        await app.Services.GetRequiredService<IGradingStore>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        app.MapPost(WebhookPath, (HttpContext context, WebhookEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapGet("/healthz", HealthAsync);
        app.MapInvitations();
        app.MapGet("/", () => Results.Text($"GitGrader is running. GitHub delivers webhooks to POST {WebhookPath}; health at /healthz.\n"));
        return app;
    }

    /// <summary>Builds the worker-only process of <c>worker</c>, with the store migrated.</summary>
    public static async Task<IHost> BuildWorkerAsync(HostSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        GitGraderConfiguration.AddSources(builder.Configuration, settings);
        ConfigureLogging(builder.Logging, settings.Verbose);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(CheckedOptions()));
        var course = await LoadCourseAsync(builder.Configuration, cancellationToken).ConfigureAwait(false);
        builder.Services.AddGitGrader(builder.Configuration, course);

        // Grading is what this process is for: Worker:Enabled=false, in the configuration it shares with a
        // front-end-only serve, turns off serve's grading, not ours (a second registration is ignored).
        builder.Services.AddHostedService<GradingWorker>();
        builder.Services.AddImagePreparation(builder.Configuration);
        var host = builder.Build();
        ValidateOptions(host.Services);
        await host.Services.GetRequiredService<IGradingStore>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        return host;
    }

    /// <summary>
    /// The services of <c>grade</c> and <c>validate</c> (<see cref="GitGraderServices.AddGrading"/>): configuration from
    /// <c>GITGRADER_*</c> environment variables, <paramref name="dockerHost"/> (<c>--docker-host</c>) over <c>Docker:Endpoint</c>,
    /// logs on stderr (warnings, or everything with <paramref name="verbose"/>). Not started: nothing runs in the background.
    /// </summary>
    public static IHost BuildTool(string? dockerHost, bool verbose)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.ConfigureContainer(new DefaultServiceProviderFactory(CheckedOptions()));
        builder.Configuration.AddEnvironmentVariables("GITGRADER_");
        if (!string.IsNullOrWhiteSpace(dockerHost))
        {
            builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>($"{DockerOptions.ConfigurationKey}:{nameof(DockerOptions.Endpoint)}", dockerHost)]);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);
        builder.Services.AddGrading(builder.Configuration);
        return builder.Build();
    }

    /// <summary>The services of <c>export</c> and <c>roster</c> (<see cref="GitGraderServices.AddGradeBook"/>), from the same configuration as <c>serve</c>, with the store migrated.</summary>
    public static async Task<IHost> BuildExportAsync(HostSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.ConfigureContainer(new DefaultServiceProviderFactory(CheckedOptions()));
        GitGraderConfiguration.AddSources(builder.Configuration, settings);
        builder.Logging.ClearProviders();
        var course = await LoadCourseAsync(builder.Configuration, cancellationToken).ConfigureAwait(false);
        builder.Services.AddGradeBook(builder.Configuration, course);
        var host = builder.Build();
        ValidateOptions(host.Services);
        await host.Services.GetRequiredService<IGradingStore>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        return host;
    }

    /// <summary>The services of <c>provision</c> (the grade book, GitHub and <see cref="GitGraderServices.AddProvisioning"/>), from the same configuration as <c>serve</c>, with the store migrated; logs on stderr (warnings, or everything with verbose).</summary>
    public static async Task<IHost> BuildProvisioningAsync(HostSettings settings, CancellationToken cancellationToken, Action<IServiceCollection>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.ConfigureContainer(new DefaultServiceProviderFactory(CheckedOptions()));
        GitGraderConfiguration.AddSources(builder.Configuration, settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(settings.Verbose ? LogLevel.Debug : LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", settings.Verbose ? LogLevel.Information : LogLevel.Warning);

        // Each student's failure is the verb's own line on stdout; its log line would say it again.
        builder.Logging.AddFilter(typeof(Provisioning.IRepositoryProvisioner).Namespace, settings.Verbose ? LogLevel.Debug : LogLevel.Error);
        var course = await LoadCourseAsync(builder.Configuration, cancellationToken).ConfigureAwait(false);
        builder.Services.AddGradeBook(builder.Configuration, course);
        builder.Services.AddGitHubApp(builder.Configuration.GetSection(GitHubAppOptions.ConfigurationKey));
        builder.Services.AddProvisioning(builder.Configuration);
        overrides?.Invoke(builder.Services);
        var host = builder.Build();
        ValidateOptions(host.Services);
        await host.Services.GetRequiredService<IGradingStore>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        return host;
    }

    /// <summary>Every registration is checked when the container is built (a missing dependency fails at start, not at first use).</summary>
    private static ServiceProviderOptions CheckedOptions() => new() { ValidateOnBuild = true, ValidateScopes = true };

    private static void Checked(ServiceProviderOptions options)
    {
        options.ValidateOnBuild = true;
        options.ValidateScopes = true;
    }

    /// <summary>
    /// Runs the start-time options validation now, before the store is touched or anything listens, so a bad
    /// key fails at once with every problem named (an <see cref="OptionsValidationException"/>, or an
    /// <see cref="AggregateException"/> of them when several sections are wrong) instead of a stack trace from host start.
    /// </summary>
    private static void ValidateOptions(IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    private static async Task<IResult> HealthAsync(IJobQueue store, CancellationToken cancellationToken)
    {
        try
        {
            var stats = await store.GetQueueStatsAsync(cancellationToken).ConfigureAwait(false);
            return Results.Json(new HealthAnswer("ok", stats.Queued, stats.Running, stats.Failed), AppJsonContext.Default.HealthAnswer);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Results.Json(new HealthAnswer("unhealthy", 0, 0, 0, ex.Message), AppJsonContext.Default.HealthAnswer, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static Task<Course> LoadCourseAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var classroom = configuration.GetSection(ClassroomOptions.ConfigurationKey).Get<ClassroomOptions>() ?? new ClassroomOptions();
        var gitHub = configuration.GetSection(GitHubAppOptions.ConfigurationKey).Get<GitHubAppOptions>() ?? new GitHubAppOptions();
        return Course.LoadAsync(classroom, gitHub, cancellationToken);
    }

    private static void ConfigureLogging(ILoggingBuilder logging, bool verbose)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        });
        logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Information);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        logging.AddFilter("System.Net.Http.HttpClient", verbose ? LogLevel.Information : LogLevel.Warning);
    }
}
