namespace GitGrader.Core.Assignments;

/// <summary>Checks on paths an assignment names relative to a folder (a JUnit report, hidden test files).</summary>
internal static class RelativePathRules
{
    /// <summary>What is wrong with <paramref name="path"/> as a relative path that stays inside its folder, or null when nothing is.</summary>
    public static string? Problem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "must not be empty";
        }

        if (Path.IsPathRooted(path) || path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 2 && path[1] == ':'))
        {
            return $"'{path}' must be a relative path, not an absolute one";
        }

        if (path.Split('/', '\\').Any(segment => segment == ".."))
        {
            return $"'{path}' must not contain '..'";
        }

        return path.Contains('\0', StringComparison.Ordinal) ? $"'{path}' contains a NUL character" : null;
    }
}
