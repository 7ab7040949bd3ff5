using GitGrader.GitHubStandIn.Api;
using GitGrader.GitHubStandIn.Infrastructure;
using GitGrader.GitHubStandIn.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GitGrader.GitHubStandIn;

/// <summary>
/// A local server that behaves like GitHub for what GitGrader uses: the App's REST endpoints (checked
/// against GitHub's OpenAPI description), git over smart HTTP, and signed webhooks. One per test
/// (class); everything it creates lives in a temporary folder removed on dispose.
/// </summary>
public sealed partial class GitHubStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StandInCore _core;
    private int _disposed;

    private GitHubStandIn(WebApplication app, StandInCore core)
    {
        _app = app;
        _core = core;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUrl => _core.BaseUrl;

    /// <summary><c>{BaseUrl}api/v3/</c> (GitHub Enterprise Server style): what GitGrader's <c>GitHub:ApiBaseUrl</c> should be.</summary>
    public Uri ApiBaseUrl => _core.Shapes.ApiBaseUrl;

    /// <summary>The App's id.</summary>
    public long AppId => _core.App.AppId;

    /// <summary>The App's slug (its bot is <c>{slug}[bot]</c>).</summary>
    public string AppSlug => _core.App.Slug;

    /// <summary>The App's bot login, <c>{slug}[bot]</c>: the author of everything GitGrader writes.</summary>
    public string BotLogin => _core.App.BotLogin;

    /// <summary>The webhook secret deliveries are signed with; setting it is changing the secret in the App's settings (deliveries sent after are signed with the new one).</summary>
    public string WebhookSecret
    {
        get => _core.WebhookSecret;
        set
        {
            ArgumentException.ThrowIfNullOrEmpty(value);
            _core.WebhookSecret = value;
        }
    }

    /// <summary>The App's private key (PKCS#1 PEM), in a file deleted on dispose.</summary>
    public string PrivateKeyPath => _core.App.PrivateKeyPath;

    /// <summary>The App's private key (PKCS#1 PEM).</summary>
    public string PrivateKeyPem => _core.App.PrivateKeyPem;

    /// <summary>Where webhook deliveries are posted; null: they are recorded as failed ("WebhookUrl is not set").</summary>
    public Uri? WebhookUrl
    {
        get => _core.WebhookUrl;
        set => _core.WebhookUrl = value;
    }

    /// <summary>
    /// When set, GitHub's own delivery pipeline is down: pushes and other events happen (the repository activity lists
    /// them) but no delivery is attempted, so none is in the App's delivery log for redelivery either. Redeliveries asked
    /// for are still made.
    /// </summary>
    public bool DropWebhooks
    {
        get => _core.DropWebhooks;
        set => _core.DropWebhooks = value;
    }

    /// <summary>
    /// Starts a stand-in on <c>http://127.0.0.1:0</c>. Needs <c>git</c>, <c>node</c> and <c>tests/npm</c> installed
    /// (<c>npm ci --prefix tests/npm</c>); the OpenAPI validator (node) is shared by every stand-in of the process.
    /// </summary>
    public static async Task<GitHubStandIn> StartAsync(StandInOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new StandInOptions();
        await RequireToolAsync(options.GitPath, "git", cancellationToken);
        await RequireToolAsync(options.NodePath, "node", cancellationToken);
        var npm = NpmFolder.Locate(options.NpmDirectory);
        var validator = await OpenApiSidecar.AcquireAsync(options.NodePath, Path.Combine(npm, "openapi-validator.mjs"), options.OpenApiDescription, cancellationToken);
        var root = Directory.CreateTempSubdirectory("gitgrader-standin-").FullName;
        StandInCore? core = null;
        WebApplication? app = null;
        try
        {
            core = new StandInCore(options, npm, root, validator);
            app = Build(core, root);
            await app.StartAsync(cancellationToken);
            var address = app.Urls.First(u => u.StartsWith("http://", StringComparison.Ordinal));
            core.Attach(new Uri(address.TrimEnd('/') + "/"));
            return new GitHubStandIn(app, core);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            if (core is not null)
            {
                await core.DisposeAsync();
            }

            await DeleteFolderAsync(root);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        await _core.DisposeAsync();
        await DeleteFolderAsync(_core.Root);
    }

    private static WebApplication Build(StandInCore core, string root)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(GitHubStandIn).Assembly.GetName().Name,
            ContentRootPath = root,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
        });
        builder.Services.AddSingleton(core);
        var app = builder.Build();
        app.UseRouting();
        var pipeline = new ApiPipeline(core);
        app.Use(pipeline.InvokeAsync);
        var api = app.MapGroup("/api/v3");
        AppEndpoints.Map(api);
        HookDeliveryEndpoints.Map(api);
        CheckRunEndpoints.Map(api);
        CommitEndpoints.Map(api);
        ActivityEndpoints.Map(api);
        IssueEndpoints.Map(api);
        CommentEndpoints.Map(api);
        UserEndpoints.Map(api);
        AuthenticatedUserEndpoint.Map(api);
        RepositoryEndpoints.Map(api);
        CollaboratorEndpoints.Map(api);
        GitRefEndpoints.Map(api);
        PullEndpoints.Map(api);
        BranchProtectionEndpoints.Map(api);
        GitEndpoint.Map(app);
        OAuthEndpoints.Map(app);
        return app;
    }

    private static async Task RequireToolAsync(string path, string name, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ProcessRunner.RunAsync(path, ["--version"], null, null, null, cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"'{path} --version' failed: {result.StandardError.Trim()}");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"The GitHub stand-in needs {name} ('{path}'), which could not be started: {e.Message}", e);
        }
    }

    private static async Task DeleteFolderAsync(string path)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Task.Delay(100);
            }
        }
    }
}
