using System.Net;
using GitGrader.GitHub.Auth;
using GitGrader.GitHub.Http;
using GitGrader.GitHub.OAuth;
using GitGrader.GitHub.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GitGrader.GitHub;

/// <summary>Registers GitGrader's GitHub App access.</summary>
public static class GitHubServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="GitHubAppOptions"/> from <paramref name="section"/> (validated at start: AppId, PrivateKeyPath,
    /// WebhookSecret, ApiBaseUrl), and registers <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is
    /// registered already, the installation token cache (singleton, shared by every client) and <see cref="IGitHubClient"/>
    /// (transient) over Octokit. Octokit's requests go through the <see cref="IHttpClientFactory"/> client named
    /// <c>GitGrader.GitHub</c>: header fixes, retries and rate-limit waits, and logging with <c>Authorization</c> redacted;
    /// redirects are Octokit's (the primary handler follows none). No token ever goes into a URI.
    /// </summary>
    public static IServiceCollection AddGitHubApp(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var sectionPath = (section as IConfigurationSection)?.Path is { Length: > 0 } path ? path : GitHubAppOptions.ConfigurationKey;

        services.AddOptions<GitHubAppOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GitHubAppOptions>>(new GitHubAppOptionsValidator(sectionPath));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AppJwtIssuer>();
        services.TryAddSingleton<InstallationTokenCache>();
        services.TryAddSingleton<ConditionalAnswers>();
        services.TryAddTransient<ConditionalRequestHandler>();
        services.TryAddTransient<GitHubWireHandler>();
        services.TryAddTransient<GitHubRetryHandler>();
        services.AddHttpClient(OctokitConnections.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All })
            .AddHttpMessageHandler<ConditionalRequestHandler>()
            .AddHttpMessageHandler<GitHubWireHandler>()
            .AddHttpMessageHandler<GitHubRetryHandler>()
            .RedactLoggedHeaders(IsSecretHeader);
        services.AddHttpClient(GitHubUserAuthorization.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All })
            .RedactLoggedHeaders(IsSecretHeader);
        services.TryAddTransient<OctokitConnections>();
        services.TryAddTransient<IGitHubUserAuthorization, GitHubUserAuthorization>();
        services.TryAddTransient<IGitHubClient, GitHubClient>();
        return services;
    }

    private static bool IsSecretHeader(string name)
        => name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase);
}
