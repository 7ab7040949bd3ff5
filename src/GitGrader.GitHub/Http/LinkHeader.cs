namespace GitGrader.GitHub.Http;

/// <summary>Reads RFC 8288 <c>Link</c> headers as GitHub sends them for pagination.</summary>
internal static class LinkHeader
{
    /// <summary>The <c>rel="next"</c> target of <paramref name="response"/>, or null on the last page.</summary>
    public static Uri? Next(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            if (FindRel(value, "next") is { } target && Uri.TryCreate(target, UriKind.Absolute, out var uri))
            {
                return uri;
            }
        }

        return null;
    }

    /// <summary>The target of the first link in <paramref name="header"/> whose <c>rel</c> list holds <paramref name="rel"/>.</summary>
    public static string? FindRel(string header, string rel)
    {
        var position = 0;
        while (position < header.Length)
        {
            var open = header.IndexOf('<', position);
            if (open < 0)
            {
                return null;
            }

            var close = header.IndexOf('>', open + 1);
            if (close < 0)
            {
                return null;
            }

            var target = header[(open + 1)..close];
            var nextLink = header.IndexOf('<', close + 1);
            var parameters = nextLink < 0 ? header[(close + 1)..] : header[(close + 1)..nextLink];
            if (HasRel(parameters, rel))
            {
                return target;
            }

            position = close + 1;
        }

        return null;
    }

    private static bool HasRel(string parameters, string rel)
    {
        foreach (var parameter in parameters.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !parameter[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var values = parameter[(equals + 1)..].Trim().Trim('"', ',').Trim();
            if (values.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(rel, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
