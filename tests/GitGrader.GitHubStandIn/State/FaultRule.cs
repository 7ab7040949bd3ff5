namespace GitGrader.GitHubStandIn.State;

/// <summary>An injected failure for the next matching REST requests.</summary>
/// <param name="Status">Status to answer.</param>
/// <param name="PathContains">Only requests whose path contains this (null: any).</param>
/// <param name="RetryAfter">For rate limits: the wait announced.</param>
internal sealed record FaultRule(int Status, string? PathContains, TimeSpan? RetryAfter)
{
    /// <summary>Requests still to fail.</summary>
    public int Remaining { get; set; }

    /// <summary>An outage instead of a count: every matching request fails until then (on the wall clock).</summary>
    public DateTimeOffset? Until { get; init; }
}
