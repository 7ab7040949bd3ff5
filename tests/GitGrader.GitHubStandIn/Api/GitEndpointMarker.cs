namespace GitGrader.GitHubStandIn.Api;

/// <summary>Endpoint metadata marking the git smart-HTTP endpoint.</summary>
internal sealed class GitEndpointMarker
{
    /// <summary>The marker.</summary>
    public static GitEndpointMarker Instance { get; } = new();
}
