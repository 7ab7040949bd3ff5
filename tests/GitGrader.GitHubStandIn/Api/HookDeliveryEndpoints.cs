using System.Globalization;
using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>
/// <c>GET /app/hook/deliveries</c> and <c>POST /app/hook/deliveries/{id}/attempts</c> (App JWT): the App webhook's
/// delivery log, newest first, paged by <c>cursor</c>, and "Redeliver". Each attempt the stand-in made is one entry;
/// a redelivery keeps the <c>guid</c> (X-GitHub-Delivery) and gets its own id, as on GitHub.
/// </summary>
internal static class HookDeliveryEndpoints
{
    /// <summary>Numeric delivery ids are this plus the attempt's place in the journal.</summary>
    public const long FirstId = 91_000_000_001;

    private const int DefaultPerPage = 30;
    private const int MaxPerPage = 100;

    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/app/hook/deliveries", List).WithMetadata(StandInEndpoint.Instance);
        api.MapPost("/app/hook/deliveries/{deliveryId:long}/attempts", Redeliver).WithMetadata(StandInEndpoint.Instance);
    }

    private static IResult List(HttpContext context, StandInCore core)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        if (ApiAuth.RequireApp(request.Caller) is { } denied)
        {
            return denied;
        }

        var query = context.Request.Query;
        var perPage = Math.Clamp(int.TryParse(query["per_page"], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) ? asked : DefaultPerPage, 1, MaxPerPage);
        long? cursor = null;
        if (query.TryGetValue("cursor", out var text) && !string.IsNullOrEmpty(text))
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var below))
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "Invalid cursor");
            }

            cursor = below;
        }

        var newestFirst = core.Journal.Deliveries()
            .Select((delivery, index) => (Id: FirstId + index, Delivery: delivery))
            .Where(d => !d.Delivery.Body.IsEmpty && (cursor is null || d.Id <= cursor))
            .Reverse()
            .ToList();
        var page = newestFirst.Take(perPage).ToList();
        if (newestFirst.Count > perPage)
        {
            var next = newestFirst[perPage].Id.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers.Link = $"<{core.Shapes.ApiBaseUrl}app/hook/deliveries?per_page={perPage}&cursor={next}>; rel=\"next\"";
        }

        return ApiResults.Json(new JsonArray([.. page.Select(d => Item(d.Id, d.Delivery))]));
    }

    private static IResult Redeliver(HttpContext context, StandInCore core, long deliveryId)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        if (ApiAuth.RequireApp(request.Caller) is { } denied)
        {
            return denied;
        }

        var deliveries = core.Journal.Deliveries();
        var index = deliveryId - FirstId;
        if (index < 0 || index >= deliveries.Count || deliveries[(int)index].Body.IsEmpty)
        {
            return ApiResults.NotFound();
        }

        // Sent after the answer, in the dispatcher's order, as GitHub queues a redelivery.
        var original = deliveries[(int)index];
        var prepared = new PreparedWebhook(original.Id, original.Event, original.Action, original.Body.ToArray(), IsRedelivery: true);
        _ = core.Dispatcher.Enqueue(new WebhookWork(original.Event, _ => Task.FromResult<IReadOnlyList<PreparedWebhook>>([prepared])));
        return ApiResults.Json(new JsonObject(), StatusCodes.Status202Accepted);
    }

    private static JsonObject Item(long id, WebhookDeliveryView delivery)
    {
        var payload = delivery.Payload();
        return new JsonObject
        {
            ["id"] = id,
            ["guid"] = delivery.Id.ToString(),
            ["delivered_at"] = JsonShapes.Time(delivery.At),
            ["redelivery"] = delivery.IsRedelivery,
            ["duration"] = delivery.ElapsedMilliseconds / 1000.0,
            ["status"] = delivery.Status switch
            {
                >= 200 and < 300 => "OK",
                { } status => $"Invalid HTTP Response: {status}",
                null => delivery.Error ?? "failed to connect to host",
            },
            ["status_code"] = delivery.Status ?? 0,
            ["event"] = delivery.Event,
            ["action"] = delivery.Action,
            ["installation_id"] = payload["installation"]?["id"]?.GetValue<long>(),
            ["repository_id"] = payload["repository"]?["id"]?.GetValue<long>(),
        };
    }
}
