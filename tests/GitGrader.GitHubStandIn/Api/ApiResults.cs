using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>GitHub-style answers.</summary>
internal static class ApiResults
{
    private const string Documentation = "https://docs.github.com/rest";

    /// <summary>A JSON answer.</summary>
    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), "application/json; charset=utf-8", Encoding.UTF8, status);

    /// <summary>A created resource: 201 with <c>Location</c>.</summary>
    public static IResult Created(HttpContext context, JsonObject body)
    {
        if (body["url"]?.GetValue<string>() is { } url)
        {
            context.Response.Headers.Location = url;
        }

        return Json(body, StatusCodes.Status201Created);
    }

    /// <summary>GitHub's error body: <c>{message, documentation_url, status}</c>, plus <c>errors</c> when given.</summary>
    public static JsonObject ErrorBody(int status, string message, IEnumerable<string>? errors = null)
    {
        var body = new JsonObject
        {
            ["message"] = message,
            ["documentation_url"] = Documentation,
            ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (errors is not null)
        {
            body["errors"] = new JsonArray([.. errors.Select(e => JsonValue.Create(e))]);
        }

        return body;
    }

    /// <summary>An error with GitHub's structured <c>errors</c> (<c>{resource, field, code, message}</c>), as validation failures have.</summary>
    public static IResult Failed(int status, string message, string resource, string? field, string code, string? detail)
    {
        var body = ErrorBody(status, message);
        var error = new JsonObject { ["resource"] = resource, ["code"] = code };
        if (field is not null)
        {
            error["field"] = field;
        }

        if (detail is not null)
        {
            error["message"] = detail;
        }

        body["errors"] = new JsonArray(error);
        return Json(body, status);
    }

    /// <summary>An error answer.</summary>
    public static IResult Error(int status, string message, IEnumerable<string>? errors = null) => Json(ErrorBody(status, message, errors), status);

    /// <summary>404 <c>Not Found</c>.</summary>
    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, "Not Found");

    /// <summary>Writes an error directly (from middleware).</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string message, IEnumerable<string>? errors = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(ErrorBody(status, message, errors).ToJsonString(), context.RequestAborted);
    }
}
