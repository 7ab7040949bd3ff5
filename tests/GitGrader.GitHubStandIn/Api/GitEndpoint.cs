using GitGrader.GitHubStandIn.Auth;
using GitGrader.GitHubStandIn.Git;
using GitGrader.GitHubStandIn.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>
/// Git over smart HTTP at <c>/{owner}/{repo}.git/…</c>: Basic credentials checked like GitHub's
/// (installation tokens read their installation's repositories; students push to theirs), then
/// <c>git http-backend</c>; a push that moved refs queues webhooks once its response is sent.
/// </summary>
internal static class GitEndpoint
{
    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.Map("/{owner}/{repo}.git/{**rest}", ServeAsync).WithMetadata(GitEndpointMarker.Instance);

    private static async Task ServeAsync(HttpContext context, StandInCore core, string owner, string repo, string? rest)
    {
        var caller = GitCredentials.Resolve(core.Access, context.Request.Headers.Authorization.ToString());
        context.Features.Set(new ApiRequestFeature { Caller = caller });
        if (caller.Kind is AuthKind.None or AuthKind.Invalid)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"GitHub\"";
            await WriteTextAsync(context, StatusCodes.Status401Unauthorized, caller.Kind == AuthKind.None ? "Authentication required" : $"Invalid username or token. {caller.Error}");
            return;
        }

        var repository = core.Repositories.Find(owner, repo);
        var write = rest == "git-receive-pack" || context.Request.Query["service"] == "git-receive-pack";
        var reachable = repository is not null && caller.Kind switch
        {
            AuthKind.InstallationToken => repository.InstallationId == caller.InstallationId,
            AuthKind.UserToken => CanRead(core, repository, caller.Login!),
            _ => false,
        };
        if (!reachable)
        {
            await WriteTextAsync(context, StatusCodes.Status404NotFound, "Repository not found.");
            return;
        }

        var user = caller.Login ?? core.App.BotLogin;
        var mayWrite = caller.Kind == AuthKind.UserToken ? CanWrite(core, repository!, user) : core.AppMayWrite("contents");
        if (write && !mayWrite)
        {
            await WriteTextAsync(context, StatusCodes.Status403Forbidden, $"Permission to {repository!.FullName}.git denied to {user}.");
            return;
        }

        var pathInfo = $"/{repository!.Owner}/{repository.Name}.git/{rest}";
        if (!(write && context.Request.Method == HttpMethods.Post))
        {
            await core.Backend.ServeAsync(context, pathInfo, user, context.RequestAborted);
            return;
        }

        await ReceivePackAsync(context, core, repository, pathInfo, user);
    }

    private static async Task ReceivePackAsync(HttpContext context, StandInCore core, RepoRecord repository, string pathInfo, string pusher)
    {
        var cancellationToken = context.RequestAborted;
        using (await core.Git.LockOf(repository.Owner, repository.Name).AcquireAsync(cancellationToken))
        {
            var before = await core.Git.ReadRefsAsync(repository.Owner, repository.Name, cancellationToken);
            await core.Backend.ServeAsync(context, pathInfo, pusher, cancellationToken);
            var after = await core.Git.ReadRefsAsync(repository.Owner, repository.Name, CancellationToken.None);
            var updates = RefUpdate.Diff(before, after);
            if (updates.Count == 0)
            {
                return;
            }

            var moved = PushNotifier.MovePullRequestHeads(core, repository, updates);
            core.Activity.Record(repository, updates, pusher, core.Clock.GetUtcNow());

            // Counted before the client can see the response end, sent once it has.
            core.Dispatcher.Reserve();
            context.Response.OnCompleted(() =>
            {
                PushNotifier.Queue(core, repository, updates, before, pusher, moved);
                return Task.CompletedTask;
            });
        }
    }

    /// <summary>A collaborator (any permission) reads; a pending invitation gives nothing; else the naming rule.</summary>
    private static bool CanRead(StandInCore core, RepoRecord repository, string login) =>
        core.RepositoryAccess.Governs(repository, login)
            ? core.RepositoryAccess.PermissionOf(repository, login) is not null
            : core.Access.CanPush(repository, login);

    /// <summary>A collaborator with push, maintain or admin writes; else the naming rule.</summary>
    private static bool CanWrite(StandInCore core, RepoRecord repository, string login) =>
        core.RepositoryAccess.Governs(repository, login)
            ? core.RepositoryAccess.PermissionOf(repository, login) is "push" or "maintain" or "admin"
            : core.Access.CanPush(repository, login);

    private static Task WriteTextAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }
}
