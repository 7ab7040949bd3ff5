namespace GitGrader.Core.Assignments;

/// <summary>"Did you mean" hints for misspelt keys and values.</summary>
internal static class Suggestions
{
    /// <summary>The problem text for a key that is not one of <paramref name="allowed"/>.</summary>
    public static string UnknownKey(string key, IReadOnlyCollection<string> allowed) =>
        Describe("key", key, allowed, "keys");

    /// <summary>The problem text for a value that is not one of <paramref name="allowed"/>.</summary>
    public static string UnknownValue(string what, string value, IReadOnlyCollection<string> allowed) =>
        Describe(what, value, allowed, "values");

    /// <summary>The candidate closest to <paramref name="value"/>, when one is close enough to be a typo.</summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        var threshold = Math.Max(1, value.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(value.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= threshold ? best : null;
    }

    /// <summary>Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }

                d[i, j] = best;
            }
        }

        return d[a.Length, b.Length];
    }

    private static string Describe(string what, string value, IReadOnlyCollection<string> allowed, string plural)
    {
        var closest = Closest(value, allowed);
        var hint = closest is null ? string.Empty : $"; did you mean '{closest}'?";
        var separator = closest is null ? ";" : string.Empty;
        return $"unknown {what} '{value}'{hint}{separator} allowed {plural}: {string.Join(", ", allowed)}";
    }
}
