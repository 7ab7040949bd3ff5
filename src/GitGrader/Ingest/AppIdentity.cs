using GitGrader.GitHub;
using GitGrader.GitHub.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Ingest;

/// <summary>The App's own slug and bot login (<c>{slug}[bot]</c>), from configuration or <c>GET /app</c>, so the App's own pushes are not graded.</summary>
public sealed partial class AppIdentity
{
    private readonly IGitHubClient _gitHub;
    private readonly ILogger<AppIdentity> _logger;
    private volatile string? _slug;

    /// <summary>Creates the identity.</summary>
    public AppIdentity(IOptions<GitHubAppOptions> options, IGitHubClient gitHub, ILogger<AppIdentity> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gitHub = gitHub;
        _logger = logger;
        _slug = string.IsNullOrWhiteSpace(options.Value.AppSlug) ? null : options.Value.AppSlug;
        AppId = options.Value.AppId;
    }

    /// <summary>The App's id.</summary>
    public long AppId { get; }

    /// <summary>The App's slug, once known.</summary>
    public string? Slug => _slug;

    /// <summary>True when <paramref name="login"/> is the App's own bot user.</summary>
    public bool IsSelf(string? login) => _slug is { } slug && string.Equals(login, slug + "[bot]", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the slug from GitHub when configuration gave none; failures are logged and retried on the next call.</summary>
    public async Task<string?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (_slug is not null)
        {
            return _slug;
        }

        try
        {
            _slug = (await _gitHub.GetAppAsync(cancellationToken).ConfigureAwait(false)).Slug;
            LogResolved(_logger, _slug);
        }
        catch (Exception ex) when (ex is GitHubApiException or HttpRequestException)
        {
            LogUnresolved(_logger, ex.Message);
        }

        return _slug;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GitHub App is {Slug}")]
    private static partial void LogResolved(ILogger logger, string slug);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the App's slug from GET /app ({Error}); its own pushes are recognised once it can. Set GitHub:AppSlug to avoid the call.")]
    private static partial void LogUnresolved(ILogger logger, string error);
}
