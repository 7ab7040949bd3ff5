using GitGrader.Core.Assignments;
using GitGrader.Core.Feedback;

namespace GitGrader.Classroom;

/// <summary>
/// The course's feedback limits: each assignment's own (from its <c>feedback:</c>) with the
/// overrides of <c>Classroom:FeedbackOverrides</c>, checked once at start. An override for one
/// assignment beats one for every assignment.
/// </summary>
public sealed class CourseFeedback
{
    private readonly Dictionary<string, FeedbackPolicy> _policies;

    private CourseFeedback(Dictionary<string, FeedbackPolicy> policies) => _policies = policies;

    /// <summary>No limits and no overrides.</summary>
    public static CourseFeedback None { get; } = new(new Dictionary<string, FeedbackPolicy>(StringComparer.OrdinalIgnoreCase));

    /// <summary>The policy of an assignment (<see cref="FeedbackPolicy.None"/> when it has no limit).</summary>
    public FeedbackPolicy For(string assignment) => _policies.GetValueOrDefault(assignment, FeedbackPolicy.None);

    /// <summary>Builds the policies; every bad override is a problem naming its key.</summary>
    public static CourseFeedback Create(AssignmentCatalog catalog, IList<FeedbackOverrideOptions> overrides, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(problems);
        var perAssignment = new Dictionary<(string Student, string? Assignment), int?>();
        for (var i = 0; i < overrides.Count; i++)
        {
            var key = $"{ClassroomOptions.ConfigurationKey}:FeedbackOverrides:{i}";
            var entry = overrides[i];
            var student = entry.Student?.Trim() ?? string.Empty;
            var assignment = string.IsNullOrWhiteSpace(entry.Assignment) ? null : entry.Assignment.Trim();
            var before = problems.Count;
            if (!GitHubLogin.IsValid(student))
            {
                problems.Add($"{key}:Student: '{student}' is not a GitHub login (1 to 39 letters, digits or inner hyphens).");
            }

            if (assignment is not null && catalog.Find(assignment) is null)
            {
                problems.Add($"{key}:Assignment: no assignment '{assignment}' in Classroom:AssignmentsFolder (known: {string.Join(", ", catalog.Assignments.Select(a => a.Slug))}).");
            }
            else if (assignment is not null && catalog.Find(assignment)!.Feedback is null)
            {
                problems.Add($"{key}:Assignment: assignment '{assignment}' has no 'feedback:' limit, so an override has nothing to change.");
            }

            if (entry.Unlimited == entry.HiddenResultsPerDay.HasValue)
            {
                problems.Add($"{key}: give exactly one of HiddenResultsPerDay (a number per day) and Unlimited: true.");
            }
            else if (entry.HiddenResultsPerDay is < 0 or > FeedbackLimit.MaxPerDay)
            {
                problems.Add($"{key}:HiddenResultsPerDay: must be from 0 to {FeedbackLimit.MaxPerDay}; use Unlimited: true for no limit.");
            }

            if (problems.Count == before && !perAssignment.TryAdd((student.ToLowerInvariant(), assignment?.ToLowerInvariant()), entry.Unlimited ? null : entry.HiddenResultsPerDay))
            {
                problems.Add($"{key}: a second override for student '{student}'{(assignment is null ? " on every assignment" : $" on '{assignment}'")}.");
            }
        }

        var policies = new Dictionary<string, FeedbackPolicy>(StringComparer.OrdinalIgnoreCase);
        foreach (var assignment in catalog.Assignments.Where(a => a.Feedback is not null))
        {
            var mine = new Dictionary<string, int?>(StringComparer.OrdinalIgnoreCase);
            foreach (var ((student, slug), value) in perAssignment.OrderBy(p => p.Key.Assignment is null ? 0 : 1))
            {
                if (slug is null || string.Equals(slug, assignment.Slug, StringComparison.OrdinalIgnoreCase))
                {
                    mine[student] = value; // a per-assignment entry comes last and wins
                }
            }

            policies[assignment.Slug] = new FeedbackPolicy(assignment.Feedback, mine);
        }

        return new CourseFeedback(policies);
    }
}
