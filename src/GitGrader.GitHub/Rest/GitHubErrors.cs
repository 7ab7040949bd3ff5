using System.Globalization;
using System.Runtime.Serialization;
using System.Text.Json;
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
        var (text, details, documentation) = Read(error.ApiError);
        var message = string.Create(CultureInfo.InvariantCulture, $"GitHub answered {(int)error.StatusCode} to {what}");
        if (!string.IsNullOrWhiteSpace(text))
        {
            message += ": " + TextLimits.TruncatePlain(text, MaxDetail);
        }

        if (!string.IsNullOrWhiteSpace(details))
        {
            message += " Errors: " + TextLimits.TruncatePlain(details, MaxDetail);
        }

        if (error is Octo.RateLimitExceededException limit)
        {
            message += string.Create(CultureInfo.InvariantCulture, $" The rate limit resets at {limit.Reset.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}.");
        }

        if (!string.IsNullOrWhiteSpace(documentation))
        {
            message += $" (see {documentation})";
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

    /// <summary>
    /// GitHub's <c>message</c>, <c>errors</c> and <c>documentation_url</c>. Octokit reads <c>errors</c> only as objects;
    /// when they are strings (as for too many annotations) it gives up and puts the whole body in <c>message</c>, which is
    /// then read here.
    /// </summary>
    private static (string? Message, string? Errors, string? DocumentationUrl) Read(Octo.ApiError? error)
    {
        if (error is null)
        {
            return (null, null, null);
        }

        if (error.Errors is null && error.Message is { } raw && raw.TrimStart().StartsWith('{'))
        {
            try
            {
                using var body = JsonDocument.Parse(raw);
                var root = body.RootElement;
                return (
                    root.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : raw,
                    root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0 ? errors.GetRawText() : null,
                    root.TryGetProperty("documentation_url", out var documentation) && documentation.ValueKind == JsonValueKind.String ? documentation.GetString() : null);
            }
            catch (JsonException)
            {
                return (raw, null, null);
            }
        }

        var details = error.Errors is { Count: > 0 } list ? string.Join("; ", list.Select(Detail)) : null;
        return (error.Message, details, error.DocumentationUrl);
    }

    private static string Detail(Octo.ApiErrorDetail detail)
    {
        var where = string.Join('.', new[] { detail.Resource, detail.Field }.Where(part => !string.IsNullOrEmpty(part)));
        var what = string.Join(": ", new[] { detail.Code, detail.Message }.Where(part => !string.IsNullOrEmpty(part)));
        return where.Length == 0 ? what : $"{where} {what}";
    }
}
