namespace GitGrader.GitHub.Http;

/// <summary>A full answer kept by <see cref="ConditionalAnswers"/>: its validator, body and content type.</summary>
internal sealed record ConditionalAnswer(string ETag, byte[] Body, string? ContentType);
