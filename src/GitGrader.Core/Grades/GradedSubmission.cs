namespace GitGrader.Core.Grades;

/// <summary>One graded submission of a student, as the recorded grade is decided from it.</summary>
/// <param name="Sha">The commit.</param>
/// <param name="ReceivedAt">When GitGrader received the push (for a recovered one, GitHub's first attempt to deliver it).</param>
/// <param name="Score">The raw score of its latest result.</param>
/// <param name="MaxScore">Points available.</param>
public sealed record GradedSubmission(string Sha, DateTimeOffset ReceivedAt, double Score, double MaxScore);
