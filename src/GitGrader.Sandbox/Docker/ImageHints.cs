namespace GitGrader.Sandbox.Docker;

/// <summary>What to do about an image the engine does not hold.</summary>
internal static class ImageHints
{
    public static string Missing(string image)
    {
        var language = image.StartsWith("gitgrader/", StringComparison.Ordinal) ? image["gitgrader/".Length..].Split(':')[0] : null;
        return language is null
            ? $"Build or load '{image}' into the engine (docker build / docker load), or name another image in assignment.yml."
            : $"Build it with `bash grader-images/build.sh {language}` (it makes the Debian base locally when no registry is reachable).";
    }
}
