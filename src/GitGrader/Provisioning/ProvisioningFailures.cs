using System.Net;
using GitGrader.GitHub.Rest;
using GitGrader.Worker;

namespace GitGrader.Provisioning;

/// <summary>What a failed step tells the student or instructor: safe words (GitHub's message, never a token) and whether trying again can help.</summary>
internal static class ProvisioningFailures
{
    /// <summary>The failure of <paramref name="step"/> as a <see cref="ProvisioningException"/>.</summary>
    public static ProvisioningException Of(string step, Exception error) => error switch
    {
        ProvisioningException provisioning => provisioning,
        GitHubApiException { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests } limited when IsRateLimit(limited) =>
            new ProvisioningException($"GitHub is rate-limiting GitGrader while it {step}; nothing is lost: try again in a few minutes and it finishes what is missing.", isPermanent: false, error),
        GitHubApiException { StatusCode: HttpStatusCode.Forbidden } forbidden =>
            new ProvisioningException($"GitHub refused while GitGrader {step}: {forbidden.Message} Check the App's permissions and that it is installed on the organisation.", isPermanent: true, error),
        GitHubApiException { StatusCode: { } status } answered when (int)status >= 500 =>
            new ProvisioningException($"GitHub failed while GitGrader {step} ({(int)status}); try again shortly.", isPermanent: false, error),
        GitHubApiException other => new ProvisioningException($"GitHub said no while GitGrader {step}: {other.Message}", isPermanent: other.StatusCode is not null, error),
        GitFetchException git => new ProvisioningException($"git failed while GitGrader {step}: {git.Message}", isPermanent: false, error),
        _ => new ProvisioningException($"GitGrader failed while it {step}: {error.Message}", isPermanent: false, error),
    };

    /// <summary>
    /// GitHub throttled the call beyond what the client waits out in one call (<see cref="GitHub.GitHubAppOptions.MaxRateLimitWait"/>):
    /// a rate limit it gave up on, or a call cut off while it waited.
    /// </summary>
    public static bool IsThrottled(GitHubApiException error) =>
        (error.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests && IsRateLimit(error))
        || (error.StatusCode is null && error.InnerException is OperationCanceledException);

    private static bool IsRateLimit(GitHubApiException error) =>
        error.StatusCode == HttpStatusCode.TooManyRequests || error.Message.Contains("rate limit", StringComparison.OrdinalIgnoreCase);
}
