using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GitGrader.GitHub.Auth;
using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Rest.Json;

namespace GitGrader.GitHub.Http;

/// <summary>
/// Sends one REST call (or every page of a list) with its credential, reads the JSON answer, and turns failures into
/// <see cref="GitHubApiException"/>s that name the method and path (never the query string or a credential) and carry
/// GitHub's <c>message</c>. A 401 to an installation token drops it from the cache.
/// </summary>
internal sealed class GitHubRestConnection(HttpClient http, InstallationTokenCache tokens)
{
    /// <summary>Pages followed at most for one list (100 items each).</summary>
    public const int MaxPages = 1000;

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    /// <summary>Sends the request and reads the answer as <typeparamref name="T"/>.</summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string path, GitHubCredential credential, HttpContent? content, JsonTypeInfo<T> answerType, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendRawAsync(method, Relative(path), credential, content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, answerType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the request; the answer's body is not read.</summary>
    public async Task SendAsync(HttpMethod method, string path, GitHubCredential credential, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, Relative(path), credential, content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GETs <paramref name="path"/> and every <c>rel="next"</c> page after it, collecting the items.</summary>
    public async Task<List<TItem>> GetAllPagesAsync<TPage, TItem>(string path, GitHubCredential credential, JsonTypeInfo<TPage> pageType, Func<TPage, IEnumerable<TItem>> itemsOf, CancellationToken cancellationToken)
        where TPage : class
    {
        ArgumentNullException.ThrowIfNull(itemsOf);
        var items = new List<TItem>();
        Uri? next = Relative(path);
        for (var page = 1; next is not null; page++)
        {
            if (page > MaxPages)
            {
                throw new GitHubApiException($"GET {RequestDescription.PathOf(Absolute(Relative(path)))} has more than {MaxPages} pages; stopped following them.");
            }

            using var response = await SendRawAsync(HttpMethod.Get, next, credential, null, cancellationToken).ConfigureAwait(false);
            items.AddRange(itemsOf(await ReadAsync(response, pageType, cancellationToken).ConfigureAwait(false)));
            next = LinkHeader.Next(response);
            if (next is not null && !SameOrigin(next))
            {
                throw new GitHubApiException($"GET {RequestDescription.PathOf(response.RequestMessage?.RequestUri)} links its next page to another host; not following it with GitGrader's credentials.");
            }
        }

        return items;
    }

    /// <summary>A JSON body (buffered, so retries resend it whole).</summary>
    public static ByteArrayContent Json<T>(T body, JsonTypeInfo<T> bodyType)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private static Uri Relative(string path) => new(path.TrimStart('/'), UriKind.Relative);

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, Uri uri, GitHubCredential credential, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = credential.ToHeader();
        var what = $"{method} {RequestDescription.PathOf(Absolute(uri))}";
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new GitHubApiException($"{what} failed: {ex.Message}", null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GitHubApiException($"{what} timed out.", null, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized && credential.InstallationId is { } installationId)
            {
                tokens.Forget(installationId, credential.Secret);
            }

            throw await ErrorAsync(what, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> answerType, CancellationToken cancellationToken)
        where T : class
    {
        var what = $"{response.RequestMessage?.Method} {RequestDescription.PathOf(response.RequestMessage?.RequestUri)}";
        try
        {
            return await response.Content.ReadFromJsonAsync(answerType, cancellationToken).ConfigureAwait(false)
                ?? throw new GitHubApiException($"GitHub answered {what} with null instead of a JSON object.", response.StatusCode);
        }
        catch (JsonException ex)
        {
            throw new GitHubApiException($"GitHub's answer to {what} is not the expected JSON (at {ex.Path ?? "$"}).", response.StatusCode, ex);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException)
        {
            throw new GitHubApiException($"GitHub's answer to {what} cannot be read as JSON: {ex.Message}", response.StatusCode, ex);
        }
    }

    private static async Task<GitHubApiException> ErrorAsync(string what, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
        var message = string.Create(CultureInfo.InvariantCulture, $"GitHub answered {(int)response.StatusCode} ({response.ReasonPhrase}) to {what}");
        if (!string.IsNullOrWhiteSpace(error?.Message))
        {
            message += $": {error.Message}";
        }

        if (error?.Errors is { ValueKind: JsonValueKind.Array } errors && errors.GetArrayLength() > 0)
        {
            message += $" Errors: {TextLimits.TruncatePlain(errors.GetRawText(), 1000)}";
        }

        if (!string.IsNullOrWhiteSpace(error?.DocumentationUrl))
        {
            message += $" (see {error.DocumentationUrl})";
        }

        return new GitHubApiException(message, response.StatusCode);
    }

    private static async Task<ErrorResponseJson?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(GitHubJsonContext.Default.ErrorResponseJson, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private Uri Absolute(Uri uri) => uri.IsAbsoluteUri || http.BaseAddress is null ? uri : new Uri(http.BaseAddress, uri);

    private bool SameOrigin(Uri uri)
        => http.BaseAddress is null || Uri.Compare(uri, http.BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
