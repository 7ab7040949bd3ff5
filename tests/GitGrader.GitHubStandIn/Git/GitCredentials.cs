using System.Text;
using GitGrader.GitHubStandIn.Auth;

namespace GitGrader.GitHubStandIn.Git;

/// <summary>HTTP Basic credentials of a git request: the password is an installation token (user <c>x-access-token</c>) or a user token.</summary>
internal static class GitCredentials
{
    /// <summary>The caller the <c>Authorization: Basic …</c> header names.</summary>
    public static Caller Resolve(AccessRegistry access, string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return Caller.Anonymous;
        }

        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return Caller.Invalid("git over HTTP takes Basic credentials");
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return Caller.Invalid("malformed Basic credentials");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return Caller.Invalid("malformed Basic credentials");
        }

        var user = decoded[..colon];
        var caller = access.ResolveToken(decoded[(colon + 1)..]);
        return caller.Kind == AuthKind.InstallationToken && user != "x-access-token"
            ? Caller.Invalid("installation tokens authenticate git as the user 'x-access-token'")
            : caller;
    }
}
