using System.Globalization;
using System.Runtime.Serialization;
using Octo = Octokit;

namespace GitGrader.GitHub.Rest;

/// <summary>
/// Turns what a call through Octokit throws into a <see cref="GitHubApiException"/> that names the request
/// (<c>METHOD /path</c>: never the query string or a credential) and carries GitHub's <c>message</c>, <c>errors</c> and
/// <c>documentation_url</c> and the status. Octokit's exceptions (<see cref="Octo.NotFoundException"/>,
/// <see cref="Octo.AuthorizationException"/>, <see cref="Octo.ApiValidationException"/>,
/// <see cref="Octo.RateLimitExceededException"/>, <see cref="Octo.SecondaryRateLimitExceededException"/>, …) stay
/// inside as <see cref="Exception.InnerException"/>.
/// </summary>
internal static class GitHubErrors
{
    private const int MaxDetail = 1000;

    /// <summary>GitHub answered an error (after every retry the handlers beneath Octokit made).</summary>
    public static GitHubApiException Answered(string what, Octo.ApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = string.Create(CultureInfo.InvariantCulture, $"GitHub answered {(int)error.StatusCode} to {what}");
        var body = error.ApiError;
        if (!string.IsNullOrWhiteSpace(body?.Message))
        {
            message += ": " + TextLimits.TruncatePlain(body.Message, MaxDetail);
        }

        if (body?.Errors is { Count: > 0 } errors)
        {
            message += " Errors: " + TextLimits.TruncatePlain(string.Join("; ", errors.Select(Detail)), MaxDetail);
        }

        if (error is Octo.RateLimitExceededException limit)
        {
            message += string.Create(CultureInfo.InvariantCulture, $" The rate limit resets at {limit.Reset.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}.");
        }

        if (!string.IsNullOrWhiteSpace(body?.DocumentationUrl))
        {
            message += $" (see {body.DocumentationUrl})";
        }

        return new GitHubApiException(message, error.StatusCode, error);
    }

    /// <summary>No answer came (every try failed to connect, was dropped or timed out).</summary>
    public static GitHubApiException Unanswered(string what, Exception error)
        => new($"{what} failed: {error.Message}", null, error);

    /// <summary>A 2xx answer Octokit could not read into its model.</summary>
    public static GitHubApiException Unreadable(string what, Exception error)
        => new($"GitHub's answer to {what} is not the expected JSON ({error.GetType().Name}).", null, error);

    /// <summary>What Octokit's JSON reader throws for a body that is not the JSON its model expects.</summary>
    public static bool IsUnreadableAnswer(Exception error)
        => error is SerializationException or FormatException or InvalidCastException or OverflowException;

    private static string Detail(Octo.ApiErrorDetail detail)
    {
        var where = string.Join('.', new[] { detail.Resource, detail.Field }.Where(part => !string.IsNullOrEmpty(part)));
        var what = string.Join(": ", new[] { detail.Code, detail.Message }.Where(part => !string.IsNullOrEmpty(part)));
        return where.Length == 0 ? what : $"{where} {what}";
    }
}
