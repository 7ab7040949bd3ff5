namespace GitGrader.GitHub.Tests.Support;

/// <summary>One scripted answer of <see cref="ScriptedGitHub"/>. <c>{origin}</c> in a header value becomes the server's origin.</summary>
internal sealed record Reply(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>Wait this long before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Drop the connection instead of answering (a network error for the client).</summary>
    public bool Abort { get; init; }

    public static Reply Json(int status, string body, params (string Name, string Value)[] headers)
        => new(status, body, headers.ToDictionary(h => h.Name, h => h.Value));

    public static Reply Ok(string body, params (string Name, string Value)[] headers) => Json(200, body, headers);

    public static Reply Error(int status, string message, params (string Name, string Value)[] headers)
        => Json(status, $$"""{"message":"{{message}}","documentation_url":"https://docs.github.com/rest"}""", headers);

    public static Reply Dropped() => new(0) { Abort = true };
}
