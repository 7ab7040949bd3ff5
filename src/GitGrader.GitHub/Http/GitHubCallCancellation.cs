namespace GitGrader.GitHub.Http;

/// <summary>
/// The caller's <see cref="CancellationToken"/> for the GitHub call under way in this async flow. Octokit's typed calls
/// and its PATCH take no token and pass <see cref="CancellationToken.None"/> down to the HTTP handlers, so
/// <see cref="Rest.GitHubClient"/> enters the caller's token here and <see cref="GitHubRetryHandler"/>, beneath Octokit,
/// links it into every try and every wait.
/// </summary>
internal static class GitHubCallCancellation
{
    private static readonly AsyncLocal<CancellationToken> Ambient = new();

    /// <summary>The token entered by the innermost <see cref="Enter"/> of this async flow; <see cref="CancellationToken.None"/> outside any.</summary>
    public static CancellationToken Current => Ambient.Value;

    /// <summary>Makes <paramref name="cancellationToken"/> the current one until the scope is disposed (it flows into tasks started meanwhile).</summary>
    public static Scope Enter(CancellationToken cancellationToken)
    {
        var previous = Ambient.Value;
        Ambient.Value = cancellationToken;
        return new Scope(previous);
    }

    /// <summary>Restores the token that was current before <see cref="Enter"/>.</summary>
    internal readonly struct Scope(CancellationToken previous) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => Ambient.Value = previous;
    }
}
