using System.Collections.Frozen;
using System.Reflection;
using Octokit.Webhooks.Events.CheckRun;
using Octokit.Webhooks.Events.CheckSuite;
using Octokit.Webhooks.Events.Installation;
using Octokit.Webhooks.Events.InstallationRepositories;
using Octokit.Webhooks.Events.PullRequest;

namespace GitGrader.GitHub.Webhooks;

/// <summary>
/// The <c>action</c>s Octokit.Webhooks models for each routed event with actions, read from its public
/// <c>*ActionValue</c> constants. Its converter refuses any other action (GitHub adds them over time), so
/// <see cref="WebhookParser"/> answers those as <see cref="UnhandledWebhook"/> instead of asking it.
/// </summary>
internal static class OctokitActions
{
    public static readonly FrozenSet<string> PullRequest = Of(typeof(PullRequestActionValue));

    public static readonly FrozenSet<string> CheckRun = Of(typeof(CheckRunActionValue));

    public static readonly FrozenSet<string> CheckSuite = Of(typeof(CheckSuiteActionValue));

    public static readonly FrozenSet<string> Installation = Of(typeof(InstallationActionValue));

    public static readonly FrozenSet<string> InstallationRepositories = Of(typeof(InstallationRepositoriesActionValue));

    private static FrozenSet<string> Of(Type actionValues) =>
        actionValues.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToFrozenSet(StringComparer.Ordinal);
}
