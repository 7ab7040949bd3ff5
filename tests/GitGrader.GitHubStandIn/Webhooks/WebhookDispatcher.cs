using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using GitGrader.GitHub.Webhooks;
using GitGrader.GitHubStandIn.Infrastructure;
using GitGrader.GitHubStandIn.State;
using GitGrader.GitHubStandIn.Validation;

namespace GitGrader.GitHubStandIn.Webhooks;

/// <summary>
/// Sends webhook deliveries one at a time, in the order queued, signed like GitHub's, each with a
/// timeout; every attempt is recorded and no failure escapes to whoever queued it.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private const int MaxResponseBody = 64 * 1024;

    private readonly Channel<WebhookWork> _queue = Channel.CreateUnbounded<WebhookWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly Func<Uri?> _url;
    private readonly Func<bool> _dropping;
    private readonly Func<string> _secret;
    private readonly long _appId;
    private readonly TimeSpan _timeout;
    private readonly Journal _journal;
    private readonly ChangeSignal _changed;
    private readonly TimeProvider _clock;
    private readonly OpenApiSidecar _validator;
    private readonly string _userAgent = "GitHub-Hookshot/" + RandomNumberGenerator.GetHexString(7, lowercase: true);
    private readonly Task _loop;
    private int _pending;

    /// <summary>Starts the sending loop.</summary>
    public WebhookDispatcher(Func<Uri?> url, Func<bool> dropping, Func<string> secret, long appId, TimeSpan timeout, Journal journal, ChangeSignal changed, TimeProvider clock, OpenApiSidecar validator)
    {
        _dropping = dropping;
        _validator = validator;
        _url = url;
        _secret = secret;
        _appId = appId;
        _timeout = timeout;
        _journal = journal;
        _changed = changed;
        _clock = clock;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The hook's id (X-GitHub-Hook-ID).</summary>
    public long HookId { get; } = 480_000_000 + RandomNumberGenerator.GetInt32(1_000_000);

    /// <summary>Work queued or being sent.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>
    /// Counts work that will be queued shortly (a push whose response is still being sent), so that
    /// <see cref="Pending"/> never reads 0 in between; pass <c>reserved: true</c> to <see cref="Enqueue"/> then.
    /// </summary>
    public void Reserve() => Interlocked.Increment(ref _pending);

    /// <summary>Queues work; the task completes once its deliveries were attempted.</summary>
    public Task<IReadOnlyList<WebhookDeliveryView>> Enqueue(WebhookWork work, bool reserved = false)
    {
        if (!reserved)
        {
            Interlocked.Increment(ref _pending);
        }

        if (!_queue.Writer.TryWrite(work))
        {
            Interlocked.Decrement(ref _pending);
            work.Done.TrySetException(new ObjectDisposedException(nameof(WebhookDispatcher)));
        }

        return work.Done.Task;
    }

    /// <summary>A delivery of <paramref name="payload"/> as <paramref name="eventName"/>, with a new id.</summary>
    public static PreparedWebhook Prepare(string eventName, JsonNode payload, bool builtByStandIn = false) => new(
        Guid.NewGuid(),
        eventName,
        payload is JsonObject obj && obj["action"] is JsonValue action && action.TryGetValue<string>(out var text) ? text : null,
        Encoding.UTF8.GetBytes(payload.ToJsonString()),
        false,
        builtByStandIn);

    /// <summary>Posts raw bytes with exactly the given headers (nothing recorded).</summary>
    public async Task<HttpStatusCode> PostRawAsync(byte[] body, IDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        var url = _url() ?? throw new InvalidOperationException("WebhookUrl is not set.");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        using var response = await _http.SendAsync(request, timeout.Token);
        return response.StatusCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stop.Dispose();
        _http.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var work in _queue.Reader.ReadAllAsync(_stop.Token))
        {
            var attempts = new List<WebhookDeliveryView>();
            try
            {
                IReadOnlyList<PreparedWebhook> deliveries;
                try
                {
                    deliveries = await work.Prepare(_stop.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !_stop.IsCancellationRequested)
                {
                    var failed = new WebhookDeliveryView(Guid.NewGuid(), work.Event, null, ReadOnlyMemory<byte>.Empty, new Dictionary<string, string>(), null, 0, $"The stand-in could not build the payload: {e.Message}", null, false, _clock.GetUtcNow());
                    _journal.Add(failed);
                    attempts.Add(failed);
                    deliveries = [];
                }

                foreach (var delivery in deliveries)
                {
                    if (_dropping() && !delivery.IsRedelivery)
                    {
                        continue; // GitHub's own delivery pipeline is down: no attempt made, none logged
                    }

                    if (delivery.BuiltByStandIn)
                    {
                        await CheckOwnPayloadAsync(delivery);
                    }

                    attempts.Add(await SendAsync(delivery));
                }

                work.Done.TrySetResult(attempts);
            }
            finally
            {
                work.Done.TrySetCanceled();
                Interlocked.Decrement(ref _pending);
                _changed.Pulse();
            }
        }
    }

    private async Task CheckOwnPayloadAsync(PreparedWebhook delivery)
    {
        var outcome = await _validator.CheckWebhookAsync(delivery.Event, delivery.Action, JsonNode.Parse(delivery.Body)!, _stop.Token);
        if (!outcome.Ok)
        {
            var errors = outcome.Errors.Prepend("the stand-in's webhook payload does not match GitHub's webhook schema (a stand-in bug)").ToList();
            _journal.Add(new ApiViolation(_clock.GetUtcNow(), ViolationKind.StandInBug, "WEBHOOK", delivery.Event + (delivery.Action is null ? string.Empty : "." + delivery.Action), string.Empty, null, outcome.Operation, errors, 0));
        }
    }

    private async Task<WebhookDeliveryView> SendAsync(PreparedWebhook delivery)
    {
        var headers = Headers(delivery);
        var at = _clock.GetUtcNow();
        var url = _url();
        int? status = null;
        string? error = null;
        string? responseBody = null;
        var watch = Stopwatch.StartNew();
        if (url is null)
        {
            error = "WebhookUrl is not set";
        }
        else
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(delivery.Body) };
                foreach (var (name, value) in headers)
                {
                    if (name == "Content-Type")
                    {
                        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
                    }
                    else
                    {
                        request.Headers.TryAddWithoutValidation(name, value);
                    }
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(_timeout);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
                status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                responseBody = text.Length > MaxResponseBody ? text[..MaxResponseBody] : text;
            }
            catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
            {
                error = $"timed out after {_timeout.TotalSeconds:0.#} s";
            }
            catch (HttpRequestException e)
            {
                error = e.Message;
            }
        }

        var view = new WebhookDeliveryView(delivery.Id, delivery.Event, delivery.Action, delivery.Body, headers, status, watch.ElapsedMilliseconds, error, responseBody, delivery.IsRedelivery, at);
        _journal.Add(view);
        return view;
    }

    private Dictionary<string, string> Headers(PreparedWebhook delivery)
    {
#pragma warning disable CA5350 // GitHub still sends the legacy SHA-1 signature; receivers may check it.
        var secret = _secret();
        var sha1 = "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), delivery.Body));
#pragma warning restore CA5350
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["User-Agent"] = _userAgent,
            ["Content-Type"] = "application/json",
            ["X-GitHub-Event"] = delivery.Event,
            ["X-GitHub-Delivery"] = delivery.Id.ToString(),
            ["X-GitHub-Hook-ID"] = HookId.ToString(CultureInfo.InvariantCulture),
            ["X-GitHub-Hook-Installation-Target-Type"] = "integration",
            ["X-GitHub-Hook-Installation-Target-ID"] = _appId.ToString(CultureInfo.InvariantCulture),
            ["X-Hub-Signature"] = sha1,
            ["X-Hub-Signature-256"] = WebhookSignature.Sign(delivery.Body, secret),
        };
    }
}
