using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FakeGitHub = GitGrader.GitHubStandIn.GitHubStandIn;

namespace GitGrader.AppTests.StandInTests;

/// <summary>Raw HTTP calls to the stand-in's REST API, the way a GitHub client makes them.</summary>
public sealed class ApiCaller : IDisposable
{
    private readonly HttpClient _http;

    public ApiCaller(FakeGitHub standIn)
    {
        _http = new HttpClient { BaseAddress = standIn.ApiBaseUrl };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("GitGrader-StandIn-Tests/1.0");
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");
    }

    /// <summary>Sends <paramref name="body"/> (JSON) to <paramref name="path"/> (relative, no leading slash) with <c>Authorization: {auth}</c>.</summary>
    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, string? auth, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (auth is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(auth);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiAnswer((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), headers);
    }

    public Task<ApiAnswer> GetAsync(string path, string? auth) => SendAsync(HttpMethod.Get, path, auth);

    public Task<ApiAnswer> PostAsync(string path, string? auth, JsonNode? body) => SendAsync(HttpMethod.Post, path, auth, body);

    public Task<ApiAnswer> PatchAsync(string path, string? auth, JsonNode? body) => SendAsync(HttpMethod.Patch, path, auth, body);

    public void Dispose() => _http.Dispose();
}
