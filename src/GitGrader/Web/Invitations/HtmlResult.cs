using Microsoft.AspNetCore.Http;

namespace GitGrader.Web.Invitations;

/// <summary>An HTML page, not cached, with headers that keep it to itself: no script, no framing, no referrer (a callback URL holds a code).</summary>
internal sealed class HtmlResult(string html, int statusCode) : IResult
{
    /// <summary>The page.</summary>
    public string Html { get; } = html;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        return response.WriteAsync(Html, httpContext.RequestAborted);
    }
}
