namespace GitGrader.GitHubStandIn.Git;

/// <summary>A ref that a push changed; all-zero shas for created (before) or deleted (after).</summary>
internal sealed record RefUpdate(string Ref, string Before, string After)
{
    /// <summary>The all-zero sha.</summary>
    public const string ZeroSha = "0000000000000000000000000000000000000000";

    /// <summary>The ref did not exist before.</summary>
    public bool Created => Before == ZeroSha;

    /// <summary>The ref no longer exists.</summary>
    public bool Deleted => After == ZeroSha;

    /// <summary>The refs that differ between two snapshots (ref → sha).</summary>
    public static IReadOnlyList<RefUpdate> Diff(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var updates = new List<RefUpdate>();
        foreach (var name in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(name, ZeroSha);
            var now = after.GetValueOrDefault(name, ZeroSha);
            if (old != now)
            {
                updates.Add(new RefUpdate(name, old, now));
            }
        }

        return updates;
    }
}
