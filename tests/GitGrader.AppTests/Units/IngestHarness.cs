using System.Security.Cryptography;
using GitGrader.AppTests.Support;
using GitGrader.Classroom;
using GitGrader.GitHub;
using GitGrader.GitHub.Rest;
using GitGrader.Ingest;
using GitGrader.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GitGrader.AppTests.Units;

/// <summary>
/// What ingest stands on, real: a SQLite store in a temporary folder, the real assignment templates as the course of
/// <see cref="CourseFolder.Organization"/>, and an <see cref="AppIdentity"/> over the real GitHub client (never called:
/// the slug is configured).
/// </summary>
public sealed class IngestHarness : IAsyncDisposable
{
    public const long AppId = 424242;
    public const string WebhookSecret = "hook-7f3a9c21e4";

    private readonly string _folder;
    private readonly ServiceProvider _services;

    private IngestHarness(string folder, ServiceProvider services, IGradingStore store, AssignmentCatalog catalog)
    {
        _folder = folder;
        _services = services;
        Store = store;
        Catalog = catalog;
        GitHubOptions = services.GetRequiredService<IOptions<GitHubAppOptions>>();
        App = new AppIdentity(GitHubOptions, services.GetRequiredService<IGitHubClient>(), NullLogger<AppIdentity>.Instance);
    }

    public IGradingStore Store { get; }

    public AssignmentCatalog Catalog { get; }

    public AppIdentity App { get; }

    public IOptions<GitHubAppOptions> GitHubOptions { get; }

    /// <summary>Builds the harness; <paramref name="previousWebhookSecret"/> is <c>GitHub:PreviousWebhookSecret</c>.</summary>
    public static async Task<IngestHarness> CreateAsync(string? previousWebhookSecret = null)
    {
        var folder = Directory.CreateTempSubdirectory("gg-ingest-").FullName;
        var key = Path.Combine(folder, "app.pem");
        using (var rsa = RSA.Create(2048))
        {
            await File.WriteAllTextAsync(key, rsa.ExportRSAPrivateKeyPem());
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitHub:ApiBaseUrl"] = "http://127.0.0.1:9/api/v3/",
            ["GitHub:AppId"] = AppId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GitHub:AppSlug"] = "gitgrader-test",
            ["GitHub:PrivateKeyPath"] = key,
            ["GitHub:WebhookSecret"] = WebhookSecret,
            ["GitHub:PreviousWebhookSecret"] = previousWebhookSecret,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddGitHubApp(configuration.GetSection(GitHubAppOptions.ConfigurationKey)).BuildServiceProvider();
        var store = GradingStoreFactory.Create(Path.Combine(folder, "ingest.db"), TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
        var catalog = await AssignmentCatalog.LoadAsync(CourseFolder.Organization, RepositoryPaths.Templates, CancellationToken.None);
        return new IngestHarness(folder, services, store, catalog);
    }

    /// <summary>A router for the course, grading <paramref name="branches"/> (all when empty).</summary>
    public DeliveryRouter Router(IList<string>? branches = null) => new(
        Catalog,
        App,
        Store,
        Options.Create(new ClassroomOptions
        {
            Organization = CourseFolder.Organization,
            InstructorRepository = CourseFolder.InstructorRepository,
            AssignmentsFolder = RepositoryPaths.Templates,
            Branches = branches ?? [],
        }));

    public async ValueTask DisposeAsync()
    {
        await ((IAsyncDisposable)Store).DisposeAsync();
        await _services.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
