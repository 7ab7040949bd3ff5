namespace GitGrader.GitHubStandIn.Api;

/// <summary>Endpoint metadata marking a REST endpoint the stand-in implements.</summary>
internal sealed class StandInEndpoint
{
    /// <summary>The marker.</summary>
    public static StandInEndpoint Instance { get; } = new();
}
