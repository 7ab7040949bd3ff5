using Microsoft.AspNetCore.Http;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>Records violations of the current request.</summary>
internal static class ViolationRecorder
{
    private const int MaxBodyCharacters = 2000;

    /// <summary>Records that the current request is one GitHub would refuse.</summary>
    public static void Record(StandInCore core, HttpContext context, ViolationKind kind, IReadOnlyList<string> errors, int status)
    {
        var request = context.Request;
        var feature = context.Features.Get<ApiRequestFeature>();
        var body = feature?.BodyText;
        if (body is { Length: > MaxBodyCharacters })
        {
            body = body[..MaxBodyCharacters] + "…";
        }

        core.Journal.Add(new ApiViolation(
            core.Clock.GetUtcNow(),
            kind,
            request.Method,
            request.Path.Value ?? "/",
            request.QueryString.Value ?? string.Empty,
            string.IsNullOrEmpty(body) ? null : body,
            feature?.Operation,
            errors,
            status));
    }

    /// <summary>Records a semantic refusal and answers it (422 unless given).</summary>
    public static IResult Refuse(StandInCore core, HttpContext context, string message, int status = StatusCodes.Status422UnprocessableEntity)
    {
        Record(core, context, ViolationKind.Semantic, [message], status);
        return ApiResults.Error(status, message);
    }
}
