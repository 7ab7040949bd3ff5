using GitGrader.Classroom;
using GitGrader.Core.Assignments;
using GitGrader.GitHub.OAuth;
using GitGrader.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static GitGrader.Web.Invitations.InvitationPages;

namespace GitGrader.Web.Invitations;

/// <summary>
/// The pages of an invitation link, in the order a student meets them: the invitation, sign-in with GitHub (state and
/// PKCE checked at the callback), the roster claim with a confirm step (unless the login is linked already), then the
/// repository, made in the background (<see cref="ProvisioningJobs"/>) while the progress page reloads itself. The
/// repository is always the signed-in login's own: the login comes from GitHub's <c>GET /user</c>, never from the request.
/// </summary>
internal sealed partial class InvitationFlow(
    Course course,
    LinkedRoster roster,
    IRosterClaims claims,
    ISummaryState summaries,
    IGitHubUserAuthorization gitHub,
    SignInCookies cookies,
    ProvisioningJobs jobs,
    IAntiforgery antiforgery,
    IOptions<InvitationOptions> options,
    ILogger<InvitationFlow> logger)
{
    private const string StartAgain = "Open the invitation link again and sign in.";

    /// <summary><c>GET /a/{slug}</c>: the invitation (or straight on when signed in).</summary>
    public IResult Landing(HttpContext context, string slug) => Guard(slug, out var assignment) ?? (cookies.Session(context) is null
        ? InvitationPages.Landing(assignment)
        : Results.Redirect(InvitationPages.Path(slug, "accept")));

    /// <summary><c>GET /a/{slug}/signin</c>: a fresh state and PKCE verifier in the cookie, then to GitHub.</summary>
    public IResult SignIn(HttpContext context, string slug)
    {
        if (Guard(slug, out _) is { } refused)
        {
            return refused;
        }

        var pending = cookies.StartSignIn(context, slug);
        return Results.Redirect(gitHub.AuthorizeUrl(options.Value.CallbackUrl, pending.State, Pkce.ChallengeOf(pending.Verifier)).AbsoluteUri);
    }

    /// <summary><c>GET /oauth/callback</c>: GitHub sends the browser back with <c>code</c> and <c>state</c> (or <c>error</c>).</summary>
    public async Task<IResult> CallbackAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var pending = cookies.TakeSignIn(context);
        if (pending is null)
        {
            LogNoSignIn(logger);
            return Problem(StatusCodes.Status400BadRequest, "Sign-in expired", $"This sign-in was not started in this browser, took longer than 10 minutes, or was used already. {StartAgain}");
        }

        if (!SignInCookies.StateMatches(pending, query["state"].ToString()))
        {
            LogStateMismatch(logger);
            return Problem(StatusCodes.Status400BadRequest, "Sign-in could not be verified", $"GitHub's answer does not belong to the sign-in this browser started. {StartAgain}", pending.Slug);
        }

        if (query["error"].ToString() is { Length: > 0 } error)
        {
            var description = query["error_description"].ToString();
            return Problem(StatusCodes.Status403Forbidden, "Sign-in did not complete", $"GitHub said: {H(error)}{(description.Length > 0 ? " (" + H(description) + ")" : string.Empty)}. {StartAgain}", pending.Slug);
        }

        if (query["code"].ToString() is not { Length: > 0 } code)
        {
            return Problem(StatusCodes.Status400BadRequest, "Sign-in did not complete", $"GitHub sent no code back. {StartAgain}", pending.Slug);
        }

        GitHubUser user;
        try
        {
            user = await gitHub.SignInAsync(code, options.Value.CallbackUrl, pending.Verifier, cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubSignInException ex)
        {
            LogSignInFailed(logger, ex.Message);
            return Problem(StatusCodes.Status502BadGateway, "GitHub did not accept the sign-in", $"{H(ex.Message)} {StartAgain}", pending.Slug);
        }

        cookies.SignIn(context, new StudentSession(user.Login, user.Id));
        return Results.Redirect(InvitationPages.Path(pending.Slug, "accept"));
    }

    /// <summary><c>GET /a/{slug}/accept</c>: a linked student goes on to the repository; anyone else picks their roster entry.</summary>
    public async Task<IResult> AcceptAsync(HttpContext context, string slug, CancellationToken cancellationToken)
    {
        if (Enter(context, slug, out var assignment, out var session) is { } refused)
        {
            return refused;
        }

        if (await IsLinkedAsync(session, cancellationToken).ConfigureAwait(false))
        {
            return Results.Redirect(InvitationPages.Path(slug, "status"));
        }

        return Choose(assignment, session.Login, await roster.UnclaimedAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary><c>GET /a/{slug}/confirm?identifier=…</c>: "is this you?".</summary>
    public async Task<IResult> ConfirmAsync(HttpContext context, string slug, string? identifier, CancellationToken cancellationToken)
    {
        if (Enter(context, slug, out var assignment, out var session) is { } refused)
        {
            return refused;
        }

        if (await IsLinkedAsync(session, cancellationToken).ConfigureAwait(false))
        {
            return Results.Redirect(InvitationPages.Path(slug, "status"));
        }

        var entry = (await roster.UnclaimedAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(e => e.Identifier == identifier);
        if (entry is null)
        {
            return Taken(slug, identifier);
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        return Confirm(assignment, session.Login, entry, tokens.FormFieldName, tokens.RequestToken!);
    }

    /// <summary><c>POST /a/{slug}/claim</c>: links the roster entry to the signed-in account, unless another account has it.</summary>
    public async Task<IResult> ClaimAsync(HttpContext context, string slug, CancellationToken cancellationToken)
    {
        if (Enter(context, slug, out _, out var session) is { } refused)
        {
            return refused;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            return Problem(StatusCodes.Status400BadRequest, "This form has expired", "The form was not sent from this site's page, or it is too old.", slug);
        }

        var identifier = (await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false))["identifier"].ToString();
        if (await IsLinkedAsync(session, cancellationToken).ConfigureAwait(false))
        {
            return Results.Redirect(InvitationPages.Path(slug, "status"));
        }

        if (roster.FindIdentifier(identifier) is not { GitHubUsername.Length: 0 })
        {
            return Taken(slug, identifier);
        }

        var outcome = await claims.ClaimRosterEntryAsync(identifier, session.Login, session.Id, cancellationToken).ConfigureAwait(false);
        if (outcome.Result == RosterClaimResult.TakenByOther)
        {
            LogClaimRefused(logger, identifier, session.Login);
            return Taken(slug, identifier);
        }

        LogClaimed(logger, outcome.Standing.Identifier, session.Login);

        // The summary issues list the roster by login: redraw them (debounced) so the entry shows its new login.
        foreach (var each in course.Catalog.Assignments)
        {
            await summaries.MarkSummaryDirtyAsync(each.Slug, cancellationToken).ConfigureAwait(false);
        }

        return Results.Redirect(InvitationPages.Path(slug, "status"));
    }

    /// <summary><c>GET /a/{slug}/status</c>: the repository being made (the job started if none is), ready, or failed.</summary>
    public Task<IResult> StatusAsync(HttpContext context, string slug, CancellationToken cancellationToken) => ShowJobAsync(context, slug, retryFailed: false, cancellationToken);

    /// <summary><c>GET /a/{slug}/retry</c>: starts again a job that failed, then its progress.</summary>
    public async Task<IResult> RetryAsync(HttpContext context, string slug, CancellationToken cancellationToken)
    {
        var result = await ShowJobAsync(context, slug, retryFailed: true, cancellationToken).ConfigureAwait(false);
        return result is HtmlResult ? Results.Redirect(InvitationPages.Path(slug, "status")) : result;
    }

    private async Task<IResult> ShowJobAsync(HttpContext context, string slug, bool retryFailed, CancellationToken cancellationToken)
    {
        if (Enter(context, slug, out var assignment, out var session) is { } refused)
        {
            return refused;
        }

        if (!await IsLinkedAsync(session, cancellationToken).ConfigureAwait(false))
        {
            return Results.Redirect(InvitationPages.Path(slug, "accept"));
        }

        return Status(assignment, jobs.StartOrGet(assignment, session.Login, retryFailed), options.Value.RefreshInterval);
    }

    /// <summary>The assignment of <paramref name="slug"/>, or the page to show instead (unknown, or sign-in not configured).</summary>
    private IResult? Guard(string slug, out Assignment assignment)
    {
        assignment = course.Catalog.Find(slug)!;
        if (assignment is null)
        {
            return UnknownAssignment(slug);
        }

        return gitHub.IsConfigured
            ? null
            : Problem(StatusCodes.Status503ServiceUnavailable, "Invitations are not set up", "This server has no GitHub sign-in configured (GitHub:ClientId and GitHub:ClientSecret). Tell your instructor.");
    }

    /// <summary>The assignment and who is signed in, or the page to show instead (unknown assignment, not configured, or to the invitation to sign in).</summary>
    private IResult? Enter(HttpContext context, string slug, out Assignment assignment, out StudentSession session)
    {
        session = null!;
        if (Guard(slug, out assignment) is { } refused)
        {
            return refused;
        }

        session = cookies.Session(context)!;
        return session is null ? Results.Redirect(InvitationPages.Path(slug)) : null;
    }

    /// <summary>On the roster by the CSV or a claim; with no roster configured, everyone is.</summary>
    private async Task<bool> IsLinkedAsync(StudentSession session, CancellationToken cancellationToken) =>
        !roster.HasRoster || (await roster.CurrentAsync(cancellationToken).ConfigureAwait(false)).Find(session.Login) is not null;

    private static IResult Taken(string slug, string? identifier) => Problem(
        StatusCodes.Status409Conflict,
        "That roster entry is taken",
        $"The roster entry {H(identifier ?? string.Empty)} is linked to another GitHub account, or is not on the roster. If it is yours, ask your instructor to unlink it (gitgrader roster unlink).",
        slug);

    [LoggerMessage(EventId = 720, Level = LogLevel.Warning, Message = "Invitation callback without a sign-in under way in this browser (no cookie, expired, or used already)")]
    private static partial void LogNoSignIn(ILogger logger);

    [LoggerMessage(EventId = 721, Level = LogLevel.Warning, Message = "Invitation callback whose state does not match this browser's sign-in")]
    private static partial void LogStateMismatch(ILogger logger);

    [LoggerMessage(EventId = 722, Level = LogLevel.Warning, Message = "Invitation sign-in failed: {Reason}")]
    private static partial void LogSignInFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 723, Level = LogLevel.Information, Message = "Roster entry {Identifier} linked to {Login}")]
    private static partial void LogClaimed(ILogger logger, string identifier, string login);

    [LoggerMessage(EventId = 724, Level = LogLevel.Warning, Message = "Roster entry {Identifier} refused to {Login}: another account holds it")]
    private static partial void LogClaimRefused(ILogger logger, string identifier, string login);
}
