namespace GitGrader.Core.Grading.Dependencies;

/// <summary>
/// Where the preparation of an assignment's dependencies (<see cref="PreparedImage"/>) downloads from, section
/// <c>Dependencies</c>: a course's own mirror (Nexus, Artifactory, devpi, …) instead of Maven Central and PyPI.
/// Empty: Maven Central and PyPI. A changed value rebuilds the prepared images (it is part of their hash).
/// </summary>
public sealed class DependencyOptions
{
    /// <summary>The configuration section.</summary>
    public const string ConfigurationKey = "Dependencies";

    /// <summary>The default: Maven Central and PyPI.</summary>
    public static readonly DependencyOptions Default = new();

    /// <summary>A Maven repository used as the mirror of every repository (<c>&lt;mirrorOf&gt;*</c>) while preparing, e.g. <c>https://nexus.example.edu/repository/maven-public/</c>.</summary>
    public string? MavenMirror { get; set; }

    /// <summary>A PEP 503 simple index pip installs from while preparing (<c>PIP_INDEX_URL</c>), e.g. <c>https://nexus.example.edu/repository/pypi/simple</c>.</summary>
    public string? PipIndexUrl { get; set; }

    /// <summary>What is wrong with these options, each naming its key under <paramref name="section"/>; empty when nothing is.</summary>
    public IReadOnlyList<string> Problems(string section)
    {
        var problems = new List<string>();
        Check(problems, $"{section}:{nameof(MavenMirror)}", MavenMirror, "https://nexus.example.edu/repository/maven-public/");
        Check(problems, $"{section}:{nameof(PipIndexUrl)}", PipIndexUrl, "https://nexus.example.edu/repository/pypi/simple");
        return problems;
    }

    private static void Check(List<string> problems, string key, string? value, string example)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            problems.Add($"{key} '{value}' is not an absolute http or https URL: give one like {example}, or leave it empty for the public registry.");
        }
        else if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '\'' or '"' or '<' or '>' or '&' or '\\'))
        {
            problems.Add($"{key} '{value}' holds a space, quote or one of < > & \\: give the URL percent-encoded.");
        }
    }
}
