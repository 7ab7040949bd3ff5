using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using GitGrader.Classroom;
using GitGrader.Core.Assignments;
using Microsoft.AspNetCore.Http;

namespace GitGrader.Web.Invitations;

/// <summary>
/// The invitation pages: plain server-rendered HTML, readable on a phone (viewport, one column, system fonts), no script.
/// Every text that comes from configuration, the roster, GitHub or the request is HTML-encoded here.
/// </summary>
internal static class InvitationPages
{
    private const string Style =
        """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f8fa;color:#1f2328;line-height:1.5}
        main{max-width:34rem;margin:0 auto;padding:1.5rem 1rem}
        h1{font-size:1.4rem;margin:0 0 1rem}
        .card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:1rem 1.25rem;margin-bottom:1rem}
        .button{display:inline-block;background:#1f883d;color:#fff;border:0;border-radius:6px;padding:.7rem 1.1rem;font-size:1rem;text-decoration:none;cursor:pointer}
        .secondary{background:#f6f8fa;color:#1f2328;border:1px solid #d0d7de}
        label{display:block;padding:.5rem 0;border-bottom:1px solid #eaeef2;word-break:break-word}
        .error{border-color:#cf222e}
        .muted{color:#59636e;font-size:.9rem}
        ol{padding-left:1.25rem}
        code{word-break:break-all}
        """;

    /// <summary>The invitation: the assignment and "Sign in with GitHub".</summary>
    public static IResult Landing(Assignment assignment) => Page(
        assignment.Name,
        $"""
        <div class="card">
        <p>You are invited to the assignment <strong>{H(assignment.Name)}</strong>.</p>
        <p>Sign in with your GitHub account to get your own repository for it.</p>
        <p><a class="button" id="sign-in" href="{A(Path(assignment.Slug, "signin"))}">Sign in with GitHub</a></p>
        </div>
        """);

    /// <summary>The roster entries still free, to pick one's own.</summary>
    public static IResult Choose(Assignment assignment, string login, IReadOnlyList<RosterEntry> unclaimed)
    {
        if (unclaimed.Count == 0)
        {
            return Problem(
                StatusCodes.Status409Conflict,
                "No roster entry left",
                $"You are signed in as {H(login)}, which is not on the course roster, and every roster entry is linked to an account already. Ask your instructor to add you to the roster or to unlink an entry.");
        }

        var choices = new StringBuilder();
        foreach (var entry in unclaimed)
        {
            choices.Append(CultureInfo.InvariantCulture, $"<label><input type=\"radio\" name=\"identifier\" value=\"{A(entry.Identifier)}\" required> {H(entry.Identifier)}</label>\n");
        }

        return Page(
            assignment.Name,
            $"""
            <div class="card">
            <p>Signed in as <strong>{H(login)}</strong>. Find yourself on the course roster: this links your GitHub account to your entry, for this and every later assignment.</p>
            <form method="get" action="{A(Path(assignment.Slug, "confirm"))}">
            {choices}<p><button class="button" type="submit" id="continue">Continue</button></p>
            </form>
            <p class="muted">Not on the list? Ask your instructor. Not you? <a href="{A(Path(assignment.Slug, "signin"))}">Sign in with another account</a>.</p>
            </div>
            """);
    }

    /// <summary>The confirm step: "I am this entry".</summary>
    public static IResult Confirm(Assignment assignment, string login, RosterEntry entry, string tokenField, string token)
    {
        var name = entry.Name is { Length: > 0 } n ? $" ({H(n)})" : string.Empty;
        return Page(
            assignment.Name,
            $"""
            <div class="card">
            <p>Link your GitHub account <strong>{H(login)}</strong> to the roster entry <strong>{H(entry.Identifier)}</strong>{name}?</p>
            <p class="muted">Only your instructor can undo this.</p>
            <form method="post" action="{A(Path(assignment.Slug, "claim"))}">
            <input type="hidden" name="identifier" value="{A(entry.Identifier)}">
            <input type="hidden" name="{A(tokenField)}" value="{A(token)}">
            <p><button class="button" type="submit" id="confirm">Yes, this is me</button>
            <a class="button secondary" href="{A(Path(assignment.Slug, "accept"))}">Back</a></p>
            </form>
            </div>
            """);
    }

    /// <summary>The repository being made (reloading itself), ready, or failed with what to do.</summary>
    public static IResult Status(Assignment assignment, ProvisioningJob job, TimeSpan refresh)
    {
        var steps = new StringBuilder();
        foreach (var step in job.Steps)
        {
            steps.Append(CultureInfo.InvariantCulture, $"<li>{H(step)}</li>\n");
        }

        var list = steps.Length > 0 ? $"<ol id=\"steps\">\n{steps}</ol>" : string.Empty;
        return job.State switch
        {
            ProvisioningJobState.Done => Page(
                assignment.Name,
                $"""
                <div class="card" id="ready">
                <p>Your repository for <strong>{H(assignment.Name)}</strong> is ready:</p>
                <p><a class="button" id="repository" href="{A(job.Repository!.HtmlUrl.AbsoluteUri)}">{H(job.Repository.Repository.FullName)}</a></p>
                <p class="muted">Clone it, commit and push your work there: every push is graded. GitHub may e-mail you an invitation to the repository; accept it first.</p>
                </div>
                """),
            ProvisioningJobState.Failed => Page(
                assignment.Name,
                $"""
                <div class="card error" id="failed">
                <p><strong>Your repository could not be made.</strong></p>
                <p>{H(job.Failure ?? ProvisioningJobs.OurFault)}</p>
                <p><a class="button" id="retry" href="{A(Path(assignment.Slug, "retry"))}">Try again</a></p>
                </div>
                """,
                statusCode: StatusCodes.Status502BadGateway),
            _ => Page(
                assignment.Name,
                $"""
                <div class="card" id="progress">
                <p>Making your repository for <strong>{H(assignment.Name)}</strong>&hellip; This page reloads itself; you may close it and come back.</p>
                {list}
                </div>
                """,
                refresh),
        };
    }

    /// <summary>An assignment that does not exist (404).</summary>
    public static IResult UnknownAssignment(string slug) => Problem(
        StatusCodes.Status404NotFound,
        "No such assignment",
        $"There is no assignment <code>{H(slug)}</code> here. Check the link your instructor gave you.");

    /// <summary>A page that says what went wrong and what to do; <paramref name="htmlMessage"/> is already HTML.</summary>
    public static IResult Problem(int statusCode, string title, string htmlMessage, string? againSlug = null)
    {
        var again = againSlug is null ? string.Empty : $"<p><a class=\"button\" id=\"start-again\" href=\"{A(Path(againSlug))}\">Open the invitation again</a></p>";
        return Page(title, $"<div class=\"card error\" id=\"problem\">\n<p>{htmlMessage}</p>\n{again}</div>", statusCode: statusCode);
    }

    /// <summary>HTML-encodes text.</summary>
    public static string H(string text) => HtmlEncoder.Default.Encode(text);

    /// <summary><c>/a/{slug}</c> and below, the slug escaped as a path segment.</summary>
    public static string Path(string slug, string? page = null) => "/a/" + Uri.EscapeDataString(slug) + (page is null ? string.Empty : "/" + page);

    private static string A(string text) => HtmlEncoder.Default.Encode(text);

    private static IResult Page(string title, string body, TimeSpan? refresh = null, int statusCode = StatusCodes.Status200OK)
    {
        var meta = refresh is { } r ? $"<meta http-equiv=\"refresh\" content=\"{(int)Math.Ceiling(r.TotalSeconds)}\">\n" : string.Empty;
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,">
            {meta}<title>{H(title)} · GitGrader</title>
            <style>{Style}</style>
            </head>
            <body>
            <main>
            <h1>{H(title)}</h1>
            {body}
            </main>
            </body>
            </html>

            """;
        return new HtmlResult(html, statusCode);
    }
}
