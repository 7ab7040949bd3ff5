namespace GitGrader.GitHub.Rest;

/// <summary>One annotation on a line of a file in the repository.</summary>
/// <param name="Path">Path relative to the repository root, forward slashes.</param>
/// <param name="StartLine">1-based first line.</param>
/// <param name="EndLine">1-based last line.</param>
/// <param name="Level"><c>notice</c>, <c>warning</c> or <c>failure</c>.</param>
/// <param name="Message">The message (GitHub caps it at 64 KB).</param>
/// <param name="Title">Short title (≤ 255 characters).</param>
public sealed record CheckRunAnnotation(string Path, int StartLine, int EndLine, string Level, string Message, string? Title);
