using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace GitGrader.Core.Assignments;

/// <summary>A template repository on GitHub, <c>owner/name</c>, that students' repositories are generated from.</summary>
/// <param name="Owner">The account that owns it.</param>
/// <param name="Name">The repository's name.</param>
public sealed partial record TemplateRepository(string Owner, string Name)
{
    /// <summary><c>owner/name</c>.</summary>
    public string FullName => $"{Owner}/{Name}";

    /// <summary>Reads <c>owner/name</c> with GitHub's characters (an owner of letters, digits and inner hyphens; a name of letters, digits, '-', '_', '.').</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out TemplateRepository? template)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern().Match(text);
        template = match.Success && match.Groups["name"].Value is not ("." or "..")
            ? new TemplateRepository(match.Groups["owner"].Value, match.Groups["name"].Value)
            : null;
        return template is not null;
    }

    /// <inheritdoc />
    public override string ToString() => FullName;

    [GeneratedRegex("^(?<owner>[A-Za-z0-9]+(-[A-Za-z0-9]+)*)/(?<name>[A-Za-z0-9._-]{1,100})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
