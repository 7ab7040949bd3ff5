using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>GitHub's <c>per_page</c>/<c>page</c> paging with a <c>Link</c> header (first, prev, next, last).</summary>
internal static class Pagination
{
    private const int DefaultPerPage = 30;
    private const int MaxPerPage = 100;

    /// <summary>The requested page of <paramref name="all"/>; sets <c>Link</c> when there is more than one page.</summary>
    public static IReadOnlyList<T> Page<T>(HttpContext context, Uri apiBaseUrl, IReadOnlyList<T> all)
    {
        var query = context.Request.Query;
        var perPage = Math.Clamp(ReadInt(query["per_page"], DefaultPerPage), 1, MaxPerPage);
        var page = Math.Max(1, ReadInt(query["page"], 1));
        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var links = new List<string>();
        if (page < last)
        {
            links.Add($"<{Url(context, apiBaseUrl, page + 1)}>; rel=\"next\"");
            links.Add($"<{Url(context, apiBaseUrl, last)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{Url(context, apiBaseUrl, 1)}>; rel=\"first\"");
            links.Add($"<{Url(context, apiBaseUrl, Math.Min(page - 1, last))}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers.Link = string.Join(", ", links);
        }

        return [.. all.Skip((page - 1) * perPage).Take(perPage)];
    }

    private static int ReadInt(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string Url(HttpContext context, Uri apiBaseUrl, int page)
    {
        var path = context.Request.Path.Value ?? "/";
        var relative = path.StartsWith("/api/v3/", StringComparison.Ordinal) ? path["/api/v3/".Length..] : path.TrimStart('/');
        var pairs = context.Request.Query
            .Where(q => q.Key != "page")
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"))
            .Append($"page={page}");
        return $"{apiBaseUrl}{relative}?{string.Join('&', pairs)}";
    }
}
