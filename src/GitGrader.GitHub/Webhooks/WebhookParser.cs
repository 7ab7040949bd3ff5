using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GitGrader.GitHub.Webhooks.Json;

namespace GitGrader.GitHub.Webhooks;

/// <summary>Turns a verified delivery into a <see cref="WebhookEvent"/>.</summary>
public static class WebhookParser
{
    /// <summary>Parses the body of an <c>X-GitHub-Event: <paramref name="eventName"/></c> delivery.</summary>
    /// <remarks>
    /// <c>push</c>, <c>pull_request</c>, <c>check_run</c>, <c>check_suite</c>, <c>installation</c>,
    /// <c>installation_repositories</c> and <c>ping</c> are read; any other event becomes an
    /// <see cref="UnhandledEvent"/> without its body being read. Hostile bodies (huge numbers,
    /// nulls, arrays for objects, nesting deeper than 64) give a <see cref="WebhookPayloadException"/>, nothing else.
    /// </remarks>
    /// <exception cref="WebhookPayloadException">Not JSON, or a field GitGrader needs is missing or of the wrong type (the message names it).</exception>
    public static WebhookEvent Parse(string eventName, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        if (eventName.Length == 0)
        {
            throw new WebhookPayloadException("The delivery names no event (X-GitHub-Event is empty).");
        }

        var json = WebhookJsonContext.Default;
        var need = new PayloadFields(eventName);
        return eventName switch
        {
            "push" => WebhookEventMapper.Push(Read(body, json.PushPayloadJson, eventName), need),
            "pull_request" => WebhookEventMapper.PullRequest(Read(body, json.PullRequestPayloadJson, eventName), need),
            "check_run" => WebhookEventMapper.CheckRun(Read(body, json.CheckRunPayloadJson, eventName), need),
            "check_suite" => WebhookEventMapper.CheckSuite(Read(body, json.CheckSuitePayloadJson, eventName), need),
            "installation" => WebhookEventMapper.Installation(Read(body, json.InstallationPayloadJson, eventName), need),
            "installation_repositories" => WebhookEventMapper.InstallationRepositories(Read(body, json.InstallationRepositoriesPayloadJson, eventName), need),
            "ping" => WebhookEventMapper.Ping(Read(body, json.PingPayloadJson, eventName)),
            _ => new UnhandledEvent(eventName),
        };
    }

    private static T Read<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> type, string eventName)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new WebhookPayloadException($"The {eventName} payload is not valid: $ is null, not an object.");
        }
        catch (JsonException ex)
        {
            throw new WebhookPayloadException($"The {eventName} payload is not valid at {ex.Path ?? "$"}: {ex.Message}", ex);
        }
    }
}
