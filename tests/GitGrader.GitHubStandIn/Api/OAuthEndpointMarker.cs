namespace GitGrader.GitHubStandIn.Api;

/// <summary>Endpoint metadata marking GitHub's web OAuth endpoints (<c>/login/oauth/…</c>, outside the REST API).</summary>
internal sealed class OAuthEndpointMarker
{
    /// <summary>The marker.</summary>
    public static OAuthEndpointMarker Instance { get; } = new();
}
