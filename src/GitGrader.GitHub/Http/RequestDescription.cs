namespace GitGrader.GitHub.Http;

/// <summary>How a request is named in messages: the path only, never the query string or any header.</summary>
internal static class RequestDescription
{
    /// <summary>The URI's path (no scheme, host, query or fragment).</summary>
    public static string PathOf(Uri? uri)
    {
        if (uri is null)
        {
            return "(no URI)";
        }

        if (uri.IsAbsoluteUri)
        {
            return uri.AbsolutePath;
        }

        var text = uri.OriginalString;
        var end = text.IndexOfAny(['?', '#']);
        return "/" + (end < 0 ? text : text[..end]).TrimStart('/');
    }
}
