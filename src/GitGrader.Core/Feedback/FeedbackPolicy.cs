namespace GitGrader.Core.Feedback;

/// <summary>
/// An assignment's limit together with the course's per-student overrides. Students are counted by
/// GitHub login (the owner the repository name gives, <c>{slug}-{login}</c>), ignoring case.
/// </summary>
public sealed class FeedbackPolicy
{
    private readonly Dictionary<string, int?> _overrides;

    /// <summary>Creates a policy; an override of null means unlimited.</summary>
    public FeedbackPolicy(FeedbackLimit? limit, IReadOnlyDictionary<string, int?>? overrides = null)
    {
        Limit = limit;
        _overrides = new Dictionary<string, int?>(overrides ?? new Dictionary<string, int?>(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>No limit for anyone.</summary>
    public static FeedbackPolicy None { get; } = new(null);

    /// <summary>The assignment's limit; null when it has none (every result is shown).</summary>
    public FeedbackLimit? Limit { get; }

    /// <summary>Results per day for <paramref name="student"/>: null when unlimited.</summary>
    public int? ResultsPerDayFor(string student)
    {
        ArgumentNullException.ThrowIfNull(student);
        if (Limit is null)
        {
            return null;
        }

        return _overrides.TryGetValue(student, out var value) ? value : Limit.HiddenResultsPerDay;
    }

    /// <summary>The key a student is counted under (lower-case login).</summary>
    public static string StudentKey(string student)
    {
        ArgumentNullException.ThrowIfNull(student);
        return student.ToLowerInvariant();
    }
}
