using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GitGrader.GitHubStandIn.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>
/// GitHub's web OAuth endpoints for the App's user authorization, outside the REST API (so not checked against the OpenAPI
/// description): <c>GET|POST /login/oauth/authorize</c> (a tiny sign-in form, or straight on as <see cref="OAuthGrants.SignedInAs"/>,
/// then back to the redirect_uri with <c>code</c> and <c>state</c>) and <c>POST /login/oauth/access_token</c> (client id and
/// secret, single-use code within 10 minutes, the same redirect_uri, the PKCE verifier against the S256 challenge; errors as
/// GitHub answers them: 200 with <c>error</c>, <c>error_description</c>, <c>error_uri</c>).
/// </summary>
internal static partial class OAuthEndpoints
{
    private const string ErrorsUri = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors";

    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/login/oauth/authorize", AuthorizeAsync).WithMetadata(OAuthEndpointMarker.Instance);
        routes.MapPost("/login/oauth/authorize", AuthorizeAsync).WithMetadata(OAuthEndpointMarker.Instance);
        routes.MapPost("/login/oauth/access_token", ExchangeAsync).WithMetadata(OAuthEndpointMarker.Instance);
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, StandInCore core)
    {
        var p = await ParametersAsync(context.Request);
        if (p.GetValueOrDefault("client_id") != core.App.ClientId)
        {
            return Page(StatusCodes.Status404NotFound, "Not Found", "No application has this client_id.");
        }

        var redirect = p.GetValueOrDefault("redirect_uri") is { Length: > 0 } given ? given : core.OAuth.CallbackUrl?.AbsoluteUri;
        if (redirect is null || !core.OAuth.RedirectAllowed(redirect))
        {
            return Page(StatusCodes.Status400BadRequest, "Redirect URI mismatch", "The redirect_uri is not associated with this application.");
        }

        var challenge = p.GetValueOrDefault("code_challenge") is { Length: > 0 } c ? c : null;
        var state = p.GetValueOrDefault("state");
        if (challenge is not null && p.GetValueOrDefault("code_challenge_method") != "S256")
        {
            return Results.Redirect(Back(redirect, ("error", "invalid_request"), ("error_description", "code_challenge_method must be S256."), ("state", state)));
        }

        var posted = HttpMethods.IsPost(context.Request.Method);
        if (posted && p.ContainsKey("cancel"))
        {
            return Results.Redirect(Back(redirect, ("error", "access_denied"), ("error_description", "The user has denied your application access."), ("error_uri", ErrorsUri + "#access-denied"), ("state", state)));
        }

        var login = core.OAuth.SignedInAs ?? (posted ? p.GetValueOrDefault("login")?.Trim() : null);
        if (string.IsNullOrEmpty(login) || !LoginPattern().IsMatch(login))
        {
            return SignInForm(p, core.App.Name, posted && !string.IsNullOrEmpty(login));
        }

        core.Access.AddAccount(login);
        var code = core.OAuth.Issue(login, core.App.ClientId, redirect, challenge);
        return Results.Redirect(Back(redirect, ("code", code), ("state", state)));
    }

    private static async Task<IResult> ExchangeAsync(HttpContext context, StandInCore core)
    {
        var p = await ParametersAsync(context.Request);
        var json = context.Request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase);
        if (p.GetValueOrDefault("client_id") != core.App.ClientId || p.GetValueOrDefault("client_secret") != core.OAuth.ClientSecret)
        {
            return Error(json, "incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect.");
        }

        var code = p.GetValueOrDefault("code") is { Length: > 0 } given ? core.OAuth.Take(given) : null;
        if (code is null || code.ClientId != core.App.ClientId)
        {
            return Error(json, "bad_verification_code", "The code passed is incorrect or expired.");
        }

        if (p.GetValueOrDefault("redirect_uri") is { Length: > 0 } redirect && redirect != code.RedirectUri)
        {
            return Error(json, "redirect_uri_mismatch", "The redirect_uri MUST match the registered callback URL for this application.");
        }

        if (code.Challenge is not null && !OAuthGrants.VerifierMatches(code.Challenge, p.GetValueOrDefault("code_verifier")))
        {
            return Error(json, "bad_verification_code", "The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.");
        }

        var token = core.Access.CreateUserAccessToken(code.Login);
        var fields = new (string Name, JsonNode Value)[]
        {
            ("access_token", token),
            ("expires_in", 28800),
            ("refresh_token", "ghr_" + Guid.NewGuid().ToString("N")),
            ("refresh_token_expires_in", 15897600),
            ("token_type", "bearer"),
            ("scope", string.Empty),
        };
        return Answer(json, fields);
    }

    private static IResult Error(bool json, string error, string description) =>
        Answer(json, [("error", error), ("error_description", description), ("error_uri", $"{ErrorsUri}#{error.Replace('_', '-')}")]);

    /// <summary>200, as JSON when asked for (<c>Accept: application/json</c>), else form-encoded, as GitHub answers.</summary>
    private static IResult Answer(bool json, (string Name, JsonNode Value)[] fields)
    {
        if (json)
        {
            var body = new JsonObject();
            foreach (var (name, value) in fields)
            {
                body[name] = value;
            }

            return Results.Text(body.ToJsonString(), "application/json; charset=utf-8");
        }

        return Results.Text(string.Join('&', fields.Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value.ToString())}")), "application/x-www-form-urlencoded; charset=utf-8");
    }

    /// <summary>The query, and the form body of a POST (GitHub takes the token request's parameters from either).</summary>
    private static async Task<Dictionary<string, string>> ParametersAsync(HttpRequest request)
    {
        var parameters = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync(request.HttpContext.RequestAborted))
            {
                parameters[key] = value.ToString();
            }
        }
        else if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true && await JsonNode.ParseAsync(request.Body) is JsonObject body)
        {
            foreach (var (key, value) in body)
            {
                parameters[key] = value?.ToString() ?? string.Empty;
            }
        }

        return parameters;
    }

    private static string Back(string redirect, params (string Name, string? Value)[] query) =>
        QueryHelpers.AddQueryString(redirect, query.Where(q => q.Value is not null).Select(q => new KeyValuePair<string, string?>(q.Name, q.Value)));

    private static IResult SignInForm(Dictionary<string, string> p, string appName, bool invalid)
    {
        var hidden = string.Concat(new[] { "client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method" }
            .Where(p.ContainsKey)
            .Select(name => $"<input type=\"hidden\" name=\"{name}\" value=\"{H(p[name])}\">\n"));
        var problem = invalid ? "<p id=\"invalid\">That is not a GitHub login.</p>\n" : string.Empty;
        return Html(StatusCodes.Status200OK, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Sign in to GitHub (stand-in)</title></head>
            <body><h1>Sign in to GitHub to continue to {H(appName)}</h1>
            {problem}<form method="post" action="/login/oauth/authorize">
            {hidden}<label>Username <input type="text" name="login" id="login" autocomplete="username"></label>
            <button type="submit" id="authorize">Sign in and authorize</button>
            <button type="submit" name="cancel" value="1" id="cancel">Cancel</button>
            </form></body></html>
            """);
    }

    private static IResult Page(int status, string title, string message) =>
        Html(status, $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>{H(title)}</title></head><body><h1>{H(title)}</h1><p>{H(message)}</p></body></html>");

    private static IResult Html(int status, string html) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    private static string H(string text) => HtmlEncoder.Default.Encode(text);

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", RegexOptions.CultureInvariant)]
    private static partial Regex LoginPattern();
}
