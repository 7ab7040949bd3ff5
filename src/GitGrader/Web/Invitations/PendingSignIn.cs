namespace GitGrader.Web.Invitations;

/// <summary>A sign-in under way, kept in the browser's protected cookie between the redirect to GitHub and the callback.</summary>
/// <param name="State">The <c>state</c> sent to GitHub, which must come back.</param>
/// <param name="Verifier">The PKCE code verifier (its S256 challenge went to GitHub).</param>
/// <param name="Slug">The assignment whose invitation link started it.</param>
internal sealed record PendingSignIn(string State, string Verifier, string Slug);
