using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>
/// In front of every endpoint: records the request; for the REST API, parses the body, checks the
/// request against GitHub's OpenAPI description (404 or 422 and a violation when it does not
/// conform), applies injected faults, and turns requests to endpoints the stand-in lacks into 404
/// and a violation.
/// </summary>
internal sealed class ApiPipeline(StandInCore core)
{
    private const string ApiPrefix = "/api/v3";

    /// <summary>The operations GitHub counts as content creation (secondary rate limits) that the stand-in serves.</summary>
    private static readonly HashSet<string> ContentCreatingOperations = new(StringComparer.Ordinal)
    {
        "repos/create-using-template", "repos/create-in-org", "repos/add-collaborator", "pulls/create", "issues/create", "issues/create-comment",
    };

    /// <summary>The middleware.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var watch = Stopwatch.StartNew();
        var at = core.Clock.GetUtcNow();
        var path = context.Request.Path.Value ?? "/";
        var surface = path == ApiPrefix || path.StartsWith(ApiPrefix + "/", StringComparison.Ordinal) ? RequestSurface.Rest
            : context.GetEndpoint()?.Metadata.GetMetadata<GitEndpointMarker>() is not null ? RequestSurface.Git
            : context.GetEndpoint()?.Metadata.GetMetadata<OAuthEndpointMarker>() is not null ? RequestSurface.OAuth
            : RequestSurface.Other;
        string? bodyText = null;
        try
        {
            switch (surface)
            {
                case RequestSurface.Git or RequestSurface.OAuth:
                    await next(context);
                    break;
                case RequestSurface.Rest:
                    bodyText = await ReadBodyAsync(context.Request);
                    await HandleRestAsync(context, next, bodyText);
                    break;
                default:
                    var message = $"{path} is neither under /api/v3/ (the REST API) nor a git URL /{{owner}}/{{repo}}.git/…";
                    ViolationRecorder.Record(core, context, ViolationKind.OutsideApi, [message], StatusCodes.Status404NotFound);
                    await ApiResults.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not Found");
                    break;
            }
        }
        finally
        {
            var auth = context.Features.Get<ApiRequestFeature>()?.Caller.Kind ?? AuthKind.None;
            var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            core.Journal.Add(new RecordedRequest(at, surface, context.Request.Method, path, query, string.IsNullOrEmpty(bodyText) ? null : bodyText, auth, context.Response.StatusCode, watch.ElapsedMilliseconds));
        }
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    private static Dictionary<string, string[]> QueryOf(HttpRequest request) =>
        request.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.Ordinal);

    private static string RelativeRawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var question = raw.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            raw = raw[..question];
        }

        var relative = raw.Length > ApiPrefix.Length ? raw[ApiPrefix.Length..] : "/";
        return relative.Length == 0 ? "/" : relative;
    }

    private async Task HandleRestAsync(HttpContext context, RequestDelegate next, string bodyText)
    {
        var caller = ApiAuth.Resolve(core, context.Request.Headers.Authorization.ToString());
        JsonNode? body = null;
        if (bodyText.Trim().Length > 0)
        {
            try
            {
                body = JsonNode.Parse(bodyText);
            }
            catch (JsonException e)
            {
                context.Features.Set(new ApiRequestFeature { BodyText = bodyText, Caller = caller });
                ViolationRecorder.Record(core, context, ViolationKind.MalformedJson, [$"The body is not JSON: {e.Message}"], StatusCodes.Status400BadRequest);
                await ApiResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Problems parsing JSON");
                return;
            }
        }

        var outcome = await core.Validator.CheckAsync(context.Request.Method, RelativeRawPath(context), QueryOf(context.Request), body, context.RequestAborted);
        context.Features.Set(new ApiRequestFeature { Body = body, BodyText = bodyText, Caller = caller, Operation = outcome.Operation });
        if (outcome.IsUnknownEndpoint)
        {
            ViolationRecorder.Record(core, context, ViolationKind.UnknownEndpoint, outcome.Errors, StatusCodes.Status404NotFound);
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not Found");
            return;
        }

        if (!outcome.Ok)
        {
            ViolationRecorder.Record(core, context, ViolationKind.Schema, outcome.Errors, StatusCodes.Status422UnprocessableEntity);
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "Invalid request.\n\n" + string.Join("\n", outcome.Errors), outcome.Errors);
            return;
        }

        AddStandardHeaders(context);
        if (core.Faults.TryTake(context.Request.Path.Value ?? "/") is { } fault)
        {
            await WriteFaultAsync(context, fault, caller.InstallationId);
            return;
        }

        if (ContentCreatingOperations.Contains(outcome.Operation ?? string.Empty) && core.ContentCreation.TryAcquire(DateTimeOffset.UtcNow) is { } wait)
        {
            // A secondary limit: retry-after, and the primary budget left untouched (GitHub's answer for content creation).
            context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.");
            return;
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<StandInEndpoint>() is null)
        {
            ViolationRecorder.Record(core, context, ViolationKind.NotImplemented, [$"GitHub has {outcome.Operation} ({context.Request.Method} {outcome.Template}) but the stand-in does not implement it"], StatusCodes.Status404NotFound);
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not Found");
            return;
        }

        if (!core.Options.ValidateResponses)
        {
            await next(context);
            return;
        }

        await CheckOwnAnswerAsync(context, next);
    }

    /// <summary>Runs the endpoint into a buffer, checks its JSON against GitHub's response schema, then sends it on.</summary>
    private async Task CheckOwnAnswerAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var status = context.Response.StatusCode;
        if (status is >= 200 and < 300 && buffer.Length > 0)
        {
            var outcome = await core.Validator.CheckResponseAsync(context.Request.Method, RelativeRawPath(context), status, JsonNode.Parse(buffer.ToArray()), context.RequestAborted);
            if (!outcome.Ok)
            {
                ViolationRecorder.Record(core, context, ViolationKind.StandInBug, [.. outcome.Errors.Prepend("the stand-in's answer does not match GitHub's response schema (a stand-in bug)")], status);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private void AddStandardHeaders(HttpContext context)
    {
        var reset = core.Clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headers = context.Response.Headers;
        headers["X-GitHub-Request-Id"] = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        headers["X-GitHub-Api-Version-Selected"] = "2022-11-28";
        headers["X-RateLimit-Limit"] = "5000";
        headers["X-RateLimit-Remaining"] = "4999";
        headers["X-RateLimit-Used"] = "1";
        headers["X-RateLimit-Reset"] = reset;
        headers["X-RateLimit-Resource"] = "core";
    }

    private async Task WriteFaultAsync(HttpContext context, FaultRule fault, long? installationId)
    {
        if (fault.RetryAfter is { } retryAfter)
        {
            var seconds = (long)Math.Ceiling(retryAfter.TotalSeconds);
            var headers = context.Response.Headers;
            headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = "0";
            headers["X-RateLimit-Used"] = "5000";
            headers["X-RateLimit-Reset"] = core.Clock.GetUtcNow().AddSeconds(seconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            await ApiResults.WriteErrorAsync(context, fault.Status, $"API rate limit exceeded for installation ID {installationId}.");
            return;
        }

        var message = fault.Status >= 500 ? "Server Error" : ReasonPhrases(fault.Status);
        await ApiResults.WriteErrorAsync(context, fault.Status, message);
    }

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
