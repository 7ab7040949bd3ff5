using System.Security.Cryptography;
using GitGrader.GitHubStandIn.Api;
using GitGrader.GitHubStandIn.Auth;
using GitGrader.GitHubStandIn.Git;
using GitGrader.GitHubStandIn.Infrastructure;
using GitGrader.GitHubStandIn.State;
using GitGrader.GitHubStandIn.Validation;
using GitGrader.GitHubStandIn.Webhooks;

namespace GitGrader.GitHubStandIn;

/// <summary>Everything one stand-in holds, shared by its endpoints and its public face.</summary>
internal sealed class StandInCore : IAsyncDisposable
{
    private Uri? _webhookUrl;
    private bool _dropWebhooks;
    private string _webhookSecret;
    private JsonShapes? _shapes;
    private WebhookPayloadFactory? _payloads;
    private WebhookDispatcher? _dispatcher;

    /// <summary>Creates the state under <paramref name="root"/> (a fresh temporary folder this stand-in owns).</summary>
    public StandInCore(StandInOptions options, string npmDirectory, string root, OpenApiSidecar validator)
    {
        Options = options;
        Root = root;
        Validator = validator;
        Clock = options.TimeProvider;
        _webhookSecret = options.WebhookSecret ?? RandomNumberGenerator.GetHexString(40, lowercase: true);
        _webhookUrl = options.WebhookUrl;
        App = new AppIdentity(options.AppId, options.AppSlug, options.AppName, Path.Combine(root, "app-private-key.pem"));
        AppCreatedAt = Clock.GetUtcNow().AddDays(-30);
        Access = new AccessRegistry(Clock, options.InstallationTokenLifetime);
        Git = new GitRepositories(options.GitPath, root);
        Backend = new GitHttpBackend(Git);
        Journal = new Journal(Changed);
        Examples = new WebhookExampleCatalog(npmDirectory);
        Issues = new IssueStore(Changed);
        OAuth = new OAuthGrants(Clock);
    }

    /// <summary>Options.</summary>
    public StandInOptions Options { get; }

    /// <summary>The temporary folder (repositories, key, git's HOME).</summary>
    public string Root { get; }

    /// <summary>The OpenAPI check.</summary>
    public OpenApiSidecar Validator { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The webhook secret deliveries are signed with from now on.</summary>
    public string WebhookSecret
    {
        get => Volatile.Read(ref _webhookSecret);
        set => Volatile.Write(ref _webhookSecret, value);
    }

    /// <summary>Where webhooks go.</summary>
    public Uri? WebhookUrl
    {
        get => Volatile.Read(ref _webhookUrl);
        set => Volatile.Write(ref _webhookUrl, value);
    }

    /// <summary>When set, events make no delivery at all (see <see cref="GitHubStandIn.DropWebhooks"/>).</summary>
    public bool DropWebhooks
    {
        get => Volatile.Read(ref _dropWebhooks);
        set => Volatile.Write(ref _dropWebhooks, value);
    }

    /// <summary>Pushes as GitHub's repository activity lists them.</summary>
    public ActivityLog Activity { get; } = new();

    /// <summary>The App.</summary>
    public AppIdentity App { get; }

    /// <summary>When the App was "registered" (for its JSON).</summary>
    public DateTimeOffset AppCreatedAt { get; }

    /// <summary>The App's user authorization: client secret, codes, who the browser is signed in as.</summary>
    public OAuthGrants OAuth { get; }

    /// <summary>Installations and tokens.</summary>
    public AccessRegistry Access { get; }

    /// <summary>Repositories by name.</summary>
    public RepositoryRegistry Repositories { get; } = new();

    /// <summary>Bare repositories on disk.</summary>
    public GitRepositories Git { get; }

    /// <summary>The CGI bridge.</summary>
    public GitHttpBackend Backend { get; }

    /// <summary>Wakes waiters.</summary>
    public ChangeSignal Changed { get; } = new();

    /// <summary>Requests, violations, deliveries.</summary>
    public Journal Journal { get; }

    /// <summary>Check runs (available once attached).</summary>
    public CheckRunStore CheckRuns { get; private set; } = null!;

    /// <summary>Issues, pull requests, comments.</summary>
    public IssueStore Issues { get; }

    /// <summary>True when the App has <paramref name="permission"/> at <c>write</c> (or <c>admin</c>).</summary>
    public bool AppMayWrite(string permission) => Options.Permissions.TryGetValue(permission, out var level) && level is "write" or "admin";

    /// <summary>Collaborators, invitations and locked branches.</summary>
    public RepositoryAccess RepositoryAccess { get; } = new();

    /// <summary>The simulated secondary rate limit on content-creating requests.</summary>
    public ContentCreationLimiter ContentCreation { get; } = new();

    /// <summary>Injected failures.</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>Webhook example payloads.</summary>
    public WebhookExampleCatalog Examples { get; }

    /// <summary>JSON objects for this server's URLs.</summary>
    public JsonShapes Shapes => _shapes ?? throw new InvalidOperationException("The stand-in has not started.");

    /// <summary>Webhook payloads.</summary>
    public WebhookPayloadFactory Payloads => _payloads ?? throw new InvalidOperationException("The stand-in has not started.");

    /// <summary>Webhook sending.</summary>
    public WebhookDispatcher Dispatcher => _dispatcher ?? throw new InvalidOperationException("The stand-in has not started.");

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUrl => Shapes.BaseUrl;

    /// <summary>Completes set-up once Kestrel has its port.</summary>
    public void Attach(Uri baseUrl)
    {
        var apiBaseUrl = new Uri(baseUrl, "api/v3/");
        _shapes = new JsonShapes(baseUrl, apiBaseUrl, App, Access, Options.Permissions);
        _payloads = new WebhookPayloadFactory(Examples, _shapes);
        CheckRuns = new CheckRunStore(baseUrl, Changed);
        _dispatcher = new WebhookDispatcher(() => WebhookUrl, () => DropWebhooks, () => WebhookSecret, App.AppId, Options.WebhookTimeout, Journal, Changed, Clock, Validator);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_dispatcher is not null)
        {
            await _dispatcher.DisposeAsync();
        }

        App.Dispose();
        Git.Dispose();
    }
}
