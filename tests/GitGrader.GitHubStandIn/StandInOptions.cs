namespace GitGrader.GitHubStandIn;

/// <summary>How a <see cref="GitHubStandIn"/> behaves. Every member has a default that suits GitGrader's tests.</summary>
public sealed class StandInOptions
{
    /// <summary>The App's id (the JWT's <c>iss</c>).</summary>
    public long AppId { get; init; } = 424242;

    /// <summary>The App's slug; its bot user is <c>{slug}[bot]</c>.</summary>
    public string AppSlug { get; init; } = "gitgrader-test";

    /// <summary>The App's display name.</summary>
    public string AppName { get; init; } = "GitGrader Test";

    /// <summary>The webhook secret; a random one when null.</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>Where webhooks go at start (settable later through <see cref="GitHubStandIn.WebhookUrl"/>).</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>How long an installation access token lives (GitHub: 1 hour).</summary>
    public TimeSpan InstallationTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long a webhook delivery may take before it counts as failed (GitHub: 10 s).</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Send <c>pull_request</c> <c>synchronize</c> after a push moves the head branch of an open pull
    /// request, as GitHub does. On by default.
    /// </summary>
    public bool SendPullRequestSynchronize { get; init; } = true;

    /// <summary>
    /// Also check every JSON answer of the stand-in against GitHub's response schema, recording a mismatch as a
    /// <see cref="ViolationKind.StandInBug"/> violation (a stand-in bug). On by default.
    /// </summary>
    public bool ValidateResponses { get; init; } = true;

    /// <summary>
    /// The App's permissions (as its JSON and its installations show them; GitHub's names: <c>contents</c> → <c>read</c>).
    /// Enforced where GitHub's answer depends on them: an installation token pushes with git only with <c>contents: write</c>;
    /// creating repositories needs <c>repository_creation: write</c> (or <c>administration: write</c>); collaborators,
    /// invitations and branch protection need <c>administration: write</c>; refs <c>contents: write</c>; pull requests
    /// <c>pull_requests: write</c>. Default: what GitGrader needed before provisioning (no write to contents).
    /// </summary>
    public IReadOnlyDictionary<string, string> Permissions { get; init; } = DefaultPermissions;

    /// <summary>The permissions before provisioning: checks, issues and pull requests write; contents and metadata read.</summary>
    public static IReadOnlyDictionary<string, string> DefaultPermissions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["checks"] = "write", ["contents"] = "read", ["issues"] = "write", ["metadata"] = "read", ["pull_requests"] = "write",
    };

    /// <summary>The permissions provisioning needs (GitGrader's manifest): the defaults, contents write, administration write, repository creation.</summary>
    public static IReadOnlyDictionary<string, string> ProvisioningPermissions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["administration"] = "write", ["checks"] = "write", ["contents"] = "write", ["issues"] = "write", ["metadata"] = "read",
        ["pull_requests"] = "write", ["repository_creation"] = "write",
    };

    /// <summary>The clock for tokens, JWT checks and timestamps (a test may move it forward).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The <c>tests/npm</c> folder; found by walking up from the test binaries when null.</summary>
    public string? NpmDirectory { get; init; }

    /// <summary>Which description in <c>@octokit/openapi/generated</c> requests are checked against (<c>api.github.com</c>, <c>ghec</c>, <c>ghes-3.19</c>…).</summary>
    public string OpenApiDescription { get; init; } = "api.github.com";

    /// <summary>The node executable.</summary>
    public string NodePath { get; init; } = "node";

    /// <summary>The git executable.</summary>
    public string GitPath { get; init; } = "git";
}
