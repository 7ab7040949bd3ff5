namespace GitGrader.GitHubStandIn;

/// <summary>One HTTP request the stand-in received, as answered.</summary>
/// <param name="At">When it arrived (the stand-in's clock).</param>
/// <param name="Surface">REST, git or other.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">The full path as sent, e.g. <c>/api/v3/repos/o/r/check-runs</c> or <c>/o/r.git/info/refs</c>.</param>
/// <param name="Query">Query parameters (the last value of a repeated one).</param>
/// <param name="Body">The request body as text (REST only; null when empty).</param>
/// <param name="Auth">How it authenticated.</param>
/// <param name="Status">The status the stand-in answered.</param>
/// <param name="ElapsedMilliseconds">Time spent answering.</param>
public sealed record RecordedRequest(
    DateTimeOffset At,
    RequestSurface Surface,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    string? Body,
    AuthKind Auth,
    int Status,
    long ElapsedMilliseconds)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var query = Query.Count == 0 ? string.Empty : "?" + string.Join('&', Query.Select(q => $"{q.Key}={q.Value}"));
        return $"{Method} {Path}{query} [{Auth}] → {Status}";
    }
}
