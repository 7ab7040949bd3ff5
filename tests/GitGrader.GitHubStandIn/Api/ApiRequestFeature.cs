using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.Auth;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>What the pipeline learnt about a request before its endpoint runs.</summary>
internal sealed class ApiRequestFeature
{
    /// <summary>The parsed JSON body, or null.</summary>
    public JsonNode? Body { get; init; }

    /// <summary>The body text ("" when none).</summary>
    public string BodyText { get; init; } = string.Empty;

    /// <summary>Who is calling.</summary>
    public Caller Caller { get; set; } = Caller.Anonymous;

    /// <summary>GitHub's operation id.</summary>
    public string? Operation { get; init; }

    /// <summary>The JSON body as an object (the OpenAPI check guarantees one where a schema asks for it).</summary>
    public JsonObject BodyObject => Body as JsonObject ?? [];
}
