namespace GitGrader.GitHubStandIn.Auth;

/// <summary>Who a request's credentials say it comes from.</summary>
/// <param name="Kind">The kind of credential (or <see cref="AuthKind.Invalid"/>).</param>
/// <param name="InstallationId">For installation tokens.</param>
/// <param name="Login">For user tokens.</param>
/// <param name="Error">Why the credential is invalid (GitHub's message).</param>
internal sealed record Caller(AuthKind Kind, long? InstallationId, string? Login, string? Error)
{
    /// <summary>No credentials.</summary>
    public static Caller Anonymous { get; } = new(AuthKind.None, null, null, "Requires authentication");

    /// <summary>Wrong credentials.</summary>
    public static Caller Invalid(string error) => new(AuthKind.Invalid, null, null, error);
}
