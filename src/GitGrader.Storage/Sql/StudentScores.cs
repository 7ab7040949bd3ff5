namespace GitGrader.Storage.Sql;

/// <summary>Folds an assignment's submissions and results into one roster line per student.</summary>
internal static class StudentScores
{
    /// <summary>
    /// Per student: attempts = distinct submissions; the latest submission (by received time, then id)
    /// gives repository, sha and time; best = the highest score of any result; latest score and max
    /// score = the newest result (by graded time, then job) of the latest submission that has one.
    /// Every submission with its newest result's score, oldest first. Ordered by login, case-insensitively.
    /// </summary>
    public static IReadOnlyList<StudentScore> From(IReadOnlyList<ScoreRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var scores = new List<StudentScore>();
        foreach (var student in rows.GroupBy(r => r.Student, StringComparer.Ordinal))
        {
            var submissions = student
                .GroupBy(r => r.SubmissionId)
                .Select(g => (Id: g.Key, First: g.First(), ReceivedAt: StoreTime.Read(g.First().ReceivedAt), Results: g.Where(r => r.Score is not null).ToList()))
                .OrderByDescending(s => s.ReceivedAt)
                .ThenByDescending(s => s.Id)
                .ToList();
            var latest = submissions[0];
            var graded = submissions.Where(s => s.Results.Count > 0).ToList();
            var latestResult = graded.Count == 0 ? null : Newest(graded[0].Results);
            scores.Add(new StudentScore
            {
                Student = student.Key,
                Repository = latest.First.Repository,
                BestScore = graded.Count == 0 ? null : graded.SelectMany(s => s.Results).Max(r => r.Score),
                LatestScore = latestResult?.Score,
                MaxScore = latestResult?.MaxScore,
                LatestSha = latest.First.Sha,
                LatestReceivedAt = latest.ReceivedAt,
                LatestRecovered = latest.First.Recovered != 0,
                Attempts = submissions.Count,
                Submissions = [.. submissions.AsEnumerable().Reverse().Select(s => new SubmissionScore
                {
                    Sha = s.First.Sha,
                    ReceivedAt = s.ReceivedAt,
                    Score = s.Results.Count == 0 ? null : Newest(s.Results).Score,
                    MaxScore = s.Results.Count == 0 ? null : Newest(s.Results).MaxScore,
                    Recovered = s.First.Recovered != 0,
                })],
            });
        }

        return [.. scores.OrderBy(s => s.Student, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Student, StringComparer.Ordinal)];
    }

    private static ScoreRow Newest(List<ScoreRow> results) =>
        results.OrderByDescending(r => StoreTime.ReadNullable(r.GradedAt)).ThenByDescending(r => r.JobId).First();
}
