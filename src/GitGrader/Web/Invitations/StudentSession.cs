namespace GitGrader.Web.Invitations;

/// <summary>Who is signed in to the invitation pages, kept in the browser's protected cookie (never a GitHub token).</summary>
/// <param name="Login">The GitHub login, as <c>GET /user</c> gave it.</param>
/// <param name="Id">The GitHub user id.</param>
internal sealed record StudentSession(string Login, long Id);
