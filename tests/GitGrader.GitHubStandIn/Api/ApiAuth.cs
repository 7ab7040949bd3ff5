using GitGrader.GitHubStandIn.Auth;
using GitGrader.GitHubStandIn.State;
using Microsoft.AspNetCore.Http;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>GitHub's authentication rules for the REST API.</summary>
internal static class ApiAuth
{
    /// <summary>Who the <c>Authorization</c> header (<c>token X</c> or <c>Bearer X</c>) says is calling.</summary>
    public static Caller Resolve(StandInCore core, string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return Caller.Anonymous;
        }

        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? authorization : authorization[..space];
        var credential = space < 0 ? string.Empty : authorization[(space + 1)..].Trim();
        if (!scheme.Equals("token", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return Caller.Invalid($"Bad credentials (the stand-in accepts 'token X' or 'Bearer X', not '{scheme}')");
        }

        if (credential.Count(c => c == '.') == 2 && credential.StartsWith("eyJ", StringComparison.Ordinal))
        {
            var error = core.App.ValidateJwt(credential, core.Clock.GetUtcNow());
            return error is null ? new Caller(AuthKind.AppJwt, null, core.App.BotLogin, null) : Caller.Invalid(error);
        }

        return core.Access.ResolveToken(credential);
    }

    /// <summary>Null when the caller is the App (JWT); else the 401 GitHub gives.</summary>
    public static IResult? RequireApp(Caller caller) => caller.Kind switch
    {
        AuthKind.AppJwt => null,
        AuthKind.None => ApiResults.Error(StatusCodes.Status401Unauthorized, "A JSON web token could not be decoded (no Authorization header; this endpoint needs the App's JWT)"),
        AuthKind.Invalid => ApiResults.Error(StatusCodes.Status401Unauthorized, caller.Error ?? "Bad credentials"),
        _ => ApiResults.Error(StatusCodes.Status401Unauthorized, "A JSON web token could not be decoded (this endpoint needs the App's JWT, not a token)"),
    };

    /// <summary>
    /// Null when the App holds <paramref name="permission"/> (or <paramref name="alternative"/>) at write; else GitHub's 403
    /// "Resource not accessible by integration".
    /// </summary>
    public static IResult? RequireWrite(StandInCore core, string permission, string? alternative = null) =>
        core.AppMayWrite(permission) || (alternative is not null && core.AppMayWrite(alternative))
            ? null
            : ApiResults.Error(StatusCodes.Status403Forbidden, $"Resource not accessible by integration (the App needs the '{permission}' permission at write{(alternative is null ? string.Empty : $", or '{alternative}'")})");

    /// <summary><see cref="RequireInstallation"/>, then <see cref="RequireWrite"/> of <paramref name="permission"/>: the repository, or GitHub's refusal.</summary>
    public static (RepoRecord? Repository, IResult? Error) RequireInstallationWrite(StandInCore core, HttpContext context, string owner, string name, string permission)
    {
        var (repository, denied) = RequireInstallation(core, context.Features.Get<ApiRequestFeature>()!.Caller, owner, name);
        return repository is null ? (null, denied) : RequireWrite(core, permission) is { } forbidden ? (null, forbidden) : (repository, null);
    }

    /// <summary>The repository when an unexpired installation token of the installation covering it is calling; else GitHub's 401/403/404.</summary>
    public static (RepoRecord? Repository, IResult? Error) RequireInstallation(StandInCore core, Caller caller, string owner, string name)
    {
        switch (caller.Kind)
        {
            case AuthKind.None:
                return (null, ApiResults.Error(StatusCodes.Status401Unauthorized, "Requires authentication"));
            case AuthKind.Invalid:
                return (null, ApiResults.Error(StatusCodes.Status401Unauthorized, caller.Error ?? "Bad credentials"));
            case AuthKind.AppJwt:
                return (null, ApiResults.Error(StatusCodes.Status403Forbidden, "Resource not accessible by integration (authenticate as the installation with an installation access token, not the App's JWT)"));
            case AuthKind.UserToken:
                return (null, ApiResults.Error(StatusCodes.Status403Forbidden, "Resource not accessible by personal access token (the stand-in serves the REST API to installations only)"));
        }

        var repository = core.Repositories.Find(owner, name);
        return repository is null || repository.InstallationId != caller.InstallationId
            ? (null, ApiResults.NotFound())
            : (repository, null);
    }
}
