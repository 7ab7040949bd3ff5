using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace GitGrader.GitHub.Tests.Support;

/// <summary>
/// A loopback HTTP server (Kestrel on 127.0.0.1, any free port) playing GitHub from a script: each route answers its
/// replies in order, repeating the last. Installation tokens are served by default. Every request is recorded.
/// </summary>
internal sealed class ScriptedGitHub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> _routes = new();
    private readonly ConcurrentDictionary<string, Reply> _lastReplies = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly TimeProvider _clock;
    private WebApplication? _app;
    private int _tokensIssued;

    private ScriptedGitHub(TimeProvider clock) => _clock = clock;

    public Uri Origin { get; private set; } = null!;

    /// <summary>The REST base URL, with a GitHub Enterprise style <c>/api/v3/</c> prefix.</summary>
    public Uri ApiBaseUrl => new(Origin, "api/v3/");

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>How long issued installation tokens live.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the token endpoint takes to answer.</summary>
    public TimeSpan TokenDelay { get; set; }

    public IReadOnlyList<RecordedRequest> TokenRequests => [.. Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/access_tokens", StringComparison.Ordinal))];

    public IReadOnlyList<RecordedRequest> RequestsOtherThanTokens => [.. Requests.Where(r => !r.Path.EndsWith("/access_tokens", StringComparison.Ordinal))];

    public static async Task<ScriptedGitHub> StartAsync(TimeProvider clock)
    {
        var server = new ScriptedGitHub(clock);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server._app = app;
        server.Origin = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Scripts <paramref name="method"/> <paramref name="path"/> (with or without a query string, tried in that order).</summary>
    public void On(string method, string path, params Reply[] replies)
    {
        var key = $"{method} {path}";
        _routes[key] = new ConcurrentQueue<Reply>(replies);
        _lastReplies.TryRemove(key, out _);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var recorded = new RecordedRequest(
            request.Method,
            queryStart < 0 ? target : target[..queryStart],
            queryStart < 0 ? string.Empty : target[queryStart..],
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        _requests.Enqueue(recorded);

        var reply = Next($"{recorded.Method} {recorded.Path}{recorded.Query}")
            ?? Next($"{recorded.Method} {recorded.Path}")
            ?? DefaultReply(recorded);
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, context.RequestAborted);
        }

        if (reply.Abort)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value.Replace("{origin}", Origin.ToString().TrimEnd('/'), StringComparison.Ordinal);
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        }
    }

    private Reply? Next(string key)
    {
        if (!_routes.TryGetValue(key, out var queue))
        {
            return null;
        }

        // One lock per route: a request that finds the queue just emptied must see the reply that emptied it as the last.
        lock (queue)
        {
            if (queue.TryDequeue(out var reply))
            {
                _lastReplies[key] = reply;
                return reply;
            }

            return _lastReplies.GetValueOrDefault(key);
        }
    }

    private Reply DefaultReply(RecordedRequest request)
    {
        if (request.Method == "POST" && request.Path.StartsWith("/api/v3/app/installations/", StringComparison.Ordinal) && request.Path.EndsWith("/access_tokens", StringComparison.Ordinal))
        {
            var installation = request.Path.Split('/')[5];
            var serial = Interlocked.Increment(ref _tokensIssued);
            var expires = (_clock.GetUtcNow() + TokenLifetime).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            return Reply.Json(201, $$"""{"token":"ghs_secret{{installation}}x{{serial}}","expires_at":"{{expires}}","repository_selection":"all"}""") with { Delay = TokenDelay };
        }

        return Reply.Error(404, "Not Found (not scripted)");
    }
}
