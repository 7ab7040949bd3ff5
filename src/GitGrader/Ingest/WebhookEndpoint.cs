using System.Buffers;
using System.Text.RegularExpressions;
using GitGrader.GitHub;
using GitGrader.GitHub.Webhooks;
using GitGrader.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Ingest;

/// <summary>
/// <c>POST /webhooks/github</c>: verify the signature over the raw body (constant time), dedupe by
/// delivery id, map the repository to an assignment, record the submission and its job in one
/// transaction, wake the worker, and answer 202, without calling GitHub or Docker on the way.
/// Anything unverified, oversized or malformed is answered 4xx and leaves no trace in the store.
/// </summary>
public sealed partial class WebhookEndpoint
{
    private readonly IJobQueue _store;
    private readonly DeliveryRouter _router;
    private readonly WorkSignal _signal;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookEndpoint> _logger;
    private readonly WebhookSecrets _secrets;
    private readonly int _maxBodyBytes;

    /// <summary>Creates the endpoint.</summary>
    public WebhookEndpoint(
        IJobQueue store,
        DeliveryRouter router,
        WorkSignal signal,
        TimeProvider time,
        IOptions<GitHubAppOptions> gitHub,
        IOptions<WebhookOptions> options,
        ILogger<WebhookEndpoint> logger)
    {
        ArgumentNullException.ThrowIfNull(gitHub);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _router = router;
        _signal = signal;
        _time = time;
        _logger = logger;
        _secrets = WebhookSecrets.From(gitHub.Value);
        _maxBodyBytes = options.Value.MaxBodyBytes;
    }

    /// <summary>Handles one delivery.</summary>
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var receivedAt = _time.GetUtcNow();
        var request = context.Request;
        var cancellationToken = context.RequestAborted;

        if (request.ContentLength > _maxBodyBytes)
        {
            return Reject(StatusCodes.Status413PayloadTooLarge, $"the body is {request.ContentLength} bytes; the limit is {_maxBodyBytes}");
        }

        var eventName = request.Headers["X-GitHub-Event"].ToString();
        var deliveryId = request.Headers["X-GitHub-Delivery"].ToString();
        if (!HeaderToken().IsMatch(eventName))
        {
            return Reject(StatusCodes.Status400BadRequest, "the X-GitHub-Event header is missing or malformed");
        }

        if (!HeaderToken().IsMatch(deliveryId))
        {
            return Reject(StatusCodes.Status400BadRequest, "the X-GitHub-Delivery header is missing or malformed");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = _maxBodyBytes;
        }

        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Reject(StatusCodes.Status413PayloadTooLarge, $"the body is over the {_maxBodyBytes}-byte limit");
        }

        var secret = _secrets.Match(body, request.Headers["X-Hub-Signature-256"].ToString() is { Length: > 0 } header ? header : null);
        if (secret == WebhookSecretMatch.None)
        {
            LogForged(_logger, deliveryId, eventName, context.Connection.RemoteIpAddress?.ToString());
            return Reject(StatusCodes.Status401Unauthorized, "X-Hub-Signature-256 is missing or does not match the body under the webhook secret");
        }

        LogVerified(_logger, deliveryId, eventName, secret == WebhookSecretMatch.Current ? "current (GitHub:WebhookSecret)" : "previous (GitHub:PreviousWebhookSecret)");
        Webhook webhook;
        try
        {
            webhook = WebhookParser.Parse(eventName, body);
        }
        catch (WebhookPayloadException ex)
        {
            LogMalformed(_logger, deliveryId, eventName, ex.Message);
            return Reject(StatusCodes.Status400BadRequest, ex.Message);
        }

        var decision = await _router.RouteAsync(webhook, receivedAt, cancellationToken).ConfigureAwait(false);
        var outcome = await _store.IngestAsync(
            new IngestRequest
            {
                Delivery = new IncomingDelivery(deliveryId, eventName, receivedAt),
                Submission = decision.Submission,
                SupersedesOlder = decision.SupersedesOlder,
                ExistingSubmissionJob = decision.ExistingJob,
            },
            cancellationToken).ConfigureAwait(false);

        if (outcome.Duplicate)
        {
            LogDuplicate(_logger, deliveryId, eventName);
            return Answer(StatusCodes.Status200OK, new WebhookAnswer("duplicate", "this delivery was received before; nothing new was queued"));
        }

        if (outcome.JobId is { } jobId)
        {
            _signal.JobQueued();
            LogQueued(_logger, deliveryId, eventName, decision.Reason, jobId, outcome.SupersededJobIds.Count);
            return Answer(StatusCodes.Status202Accepted, new WebhookAnswer("queued", decision.Reason, outcome.SubmissionId, jobId));
        }

        var message = decision.QueuesWork ? decision.Reason + "; already recorded, nothing new to grade" : decision.Reason;
        LogIgnored(_logger, deliveryId, eventName, message);
        return Answer(StatusCodes.Status202Accepted, new WebhookAnswer("ignored", message, outcome.SubmissionId));
    }

    private static IResult Reject(int status, string message) =>
        Answer(status, new WebhookAnswer("rejected", message));

    private static IResult Answer(int status, WebhookAnswer answer) =>
        Results.Json(answer, AppJsonContext.Default.WebhookAnswer, statusCode: status);

    /// <summary>Reads the whole body, or returns null past the size limit.</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is { } length and > 0 ? (int)length : 16 * 1024);
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(buffer.GetMemory(16 * 1024), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.WrittenSpan.ToArray();
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > _maxBodyBytes)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderToken();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected delivery {DeliveryId} ({Event}) from {Remote}: bad or missing signature")]
    private static partial void LogForged(ILogger logger, string deliveryId, string @event, string? remote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {DeliveryId} ({Event}) is signed with the {Secret} webhook secret")]
    private static partial void LogVerified(ILogger logger, string deliveryId, string @event, string secret);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected delivery {DeliveryId} ({Event}): {Error}")]
    private static partial void LogMalformed(ILogger logger, string deliveryId, string @event, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Event}) seen before; nothing queued")]
    private static partial void LogDuplicate(ILogger logger, string deliveryId, string @event);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Event}): {Reason}; job {JobId} queued, {Superseded} older job(s) superseded")]
    private static partial void LogQueued(ILogger logger, string deliveryId, string @event, string reason, long jobId, int superseded);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Event}): {Reason}")]
    private static partial void LogIgnored(ILogger logger, string deliveryId, string @event, string reason);
}
