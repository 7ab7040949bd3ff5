namespace GitGrader.GitHub.OAuth;

/// <summary>Who signed in with GitHub: <c>GET /user</c>'s login and id.</summary>
/// <param name="Login">The login, as GitHub spells it.</param>
/// <param name="Id">The numeric user id (stays when the login is renamed).</param>
public sealed record GitHubUser(string Login, long Id);
