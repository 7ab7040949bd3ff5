using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using GitGrader.GitHub.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octo = Octokit;

namespace GitGrader.GitHub.OAuth;

/// <summary>
/// <see cref="IGitHubUserAuthorization"/>: the code exchange over the <see cref="IHttpClientFactory"/> client named
/// <see cref="HttpClientName"/> (no retries: a code is single-use), <c>GET /user</c> through Octokit as every REST call is.
/// The client secret goes only into the exchange's form body; the user token only into that one <c>GET /user</c>.
/// </summary>
internal sealed partial class GitHubUserAuthorization(
    IHttpClientFactory httpClients, OctokitConnections connections, IOptions<GitHubAppOptions> options, ILogger<GitHubUserAuthorization> logger) : IGitHubUserAuthorization
{
    /// <summary>The <see cref="IHttpClientFactory"/> name of the code exchange's client.</summary>
    public const string HttpClientName = "GitGrader.GitHub.OAuth";

    private const string TokenPath = "login/oauth/access_token";

    private Uri WebBase => GitHubWebBase.For(options.Value.ApiBaseUrl);

    /// <inheritdoc />
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.ClientId) && !string.IsNullOrWhiteSpace(options.Value.ClientSecret);

    /// <inheritdoc />
    public Uri AuthorizeUrl(Uri redirectUri, string state, string codeChallenge)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        (string Name, string Value)[] query =
        [
            ("client_id", options.Value.ClientId ?? string.Empty),
            ("redirect_uri", redirectUri.AbsoluteUri),
            ("state", state),
            ("code_challenge", codeChallenge),
            ("code_challenge_method", "S256"),
        ];
        var text = string.Join('&', query.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
        return new Uri(new Uri(WebBase, "login/oauth/authorize") + "?" + text);
    }

    /// <inheritdoc />
    public async Task<GitHubUser> SignInAsync(string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(redirectUri);
        ArgumentException.ThrowIfNullOrEmpty(codeVerifier);
        if (!IsConfigured)
        {
            throw new GitHubSignInException($"{GitHubAppOptions.ConfigurationKey}:ClientId and {GitHubAppOptions.ConfigurationKey}:ClientSecret are not set: sign-in with GitHub is off.");
        }

        var token = await ExchangeAsync(code, redirectUri, codeVerifier, cancellationToken).ConfigureAwait(false);
        using var scope = GitHubCallCancellation.Enter(cancellationToken);
        try
        {
            var user = await new Octo.UsersClient(new Octo.ApiConnection(connections.AsUser(token))).Current().ConfigureAwait(false);
            LogSignedIn(logger, user.Login, user.Id);
            return new GitHubUser(user.Login, user.Id);
        }
        catch (Octo.ApiException ex)
        {
            throw new GitHubSignInException($"GitHub answered GET /user with {(int)ex.StatusCode} ({ex.Message}).", null, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new GitHubSignInException($"GitHub did not answer GET /user ({ex.Message}).", null, ex);
        }
    }

    private async Task<string> ExchangeAsync(string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(WebBase, TokenPath);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("client_id", options.Value.ClientId!),
                new("client_secret", options.Value.ClientSecret!),
                new("code", code),
                new("redirect_uri", redirectUri.AbsoluteUri),
                new("code_verifier", codeVerifier),
            ]),
        };
        request.Headers.Accept.Add(new("application/json"));
        var what = "POST /" + TokenPath;
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new GitHubSignInException(string.Create(CultureInfo.InvariantCulture, $"GitHub answered {what} with {(int)response.StatusCode}."));
            }

            var answer = await response.Content.ReadFromJsonAsync(OAuthJsonContext.Default.AccessTokenAnswer, cancellationToken).ConfigureAwait(false);
            if (answer?.Error is { Length: > 0 } error)
            {
                LogRefused(logger, error, answer.ErrorDescription);
                throw new GitHubSignInException($"GitHub refused the sign-in: {error} ({answer.ErrorDescription}).", error);
            }

            return answer?.AccessToken is { Length: > 0 } token
                ? token
                : throw new GitHubSignInException($"GitHub's answer to {what} has neither an access_token nor an error.");
        }
        catch (JsonException ex)
        {
            throw new GitHubSignInException($"GitHub's answer to {what} is not the JSON expected ({ex.Message}).", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new GitHubSignInException($"GitHub did not answer {what} ({ex.Message}).", null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GitHubSignInException($"GitHub did not answer {what} in time.", null, ex);
        }
    }

    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Signed in with GitHub: {Login} (user id {UserId})")]
    private static partial void LogSignedIn(ILogger logger, string login, long userId);

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "GitHub refused a sign-in code: {Error} ({Description})")]
    private static partial void LogRefused(ILogger logger, string error, string? description);
}
